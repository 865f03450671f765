// /reports?q=… (rewritten here by next.config.ts): the published reports of units whose name contains q. Rendered
// per request; the plain list is the cached page next door.
import type { Metadata } from "next";
import { ReportsIndex } from "@/components/public/reports-index";
import { listPublished } from "@/lib/dal/public";

export const metadata: Metadata = { title: "搜索 · 政府信息公开工作年度报告" };
export const dynamic = "force-dynamic";

export default async function ReportsSearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? (raw[0] ?? "") : (raw ?? "")).trim().slice(0, 50);
  return <ReportsIndex all={await listPublished()} q={q} />;
}
