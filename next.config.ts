// Next.js configuration: native and WASM packages stay outside the server bundle.
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "exceljs", "docx"],
  poweredByHeader: false,
  // Public pages are cached after their first render until a publication revalidates them. Keeping that cache in
  // memory means a restart (or a fresh test database) never serves pages of data that is gone.
  experimental: { isrFlushToDisk: false },
  typedRoutes: false,
  // /reports is kept like the report pages (rendered once per publication), so it lives at a route with a parameter
  // (which `next build` does not render); its search, which depends on the query, is a page of its own.
  async rewrites() {
    return [
      { source: "/reports", has: [{ type: "query", key: "q" }], destination: "/reports-index/search" },
      { source: "/reports", destination: "/reports-index/all" },
    ];
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
