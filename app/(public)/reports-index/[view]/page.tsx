// /reports (rewritten here by next.config.ts): every published report by year. Rendered on its first request and
// kept until a publication revalidates it, like the report pages; a route parameter keeps `next build` from
// rendering it (and so from opening the database). /reports?q=… goes to ../search instead.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReportsIndex } from "@/components/public/reports-index";
import { listPublished } from "@/lib/dal/public";

export const metadata: Metadata = { title: "政府信息公开工作年度报告" };
export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams(): { view: string }[] {
  return [];
}

export default async function ReportsIndexPage({ params }: { params: Promise<{ view: string }> }) {
  if ((await params).view !== "all") notFound();
  return <ReportsIndex all={await listPublished()} q="" />;
}
