// /reports/[year]/[unit]/v[N]: an earlier published version, kept readable after a correction.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublicReportView } from "@/components/public/public-report";
import { getPublicReport } from "@/lib/dal/public";
import { parseUnitCodeParam, parseYearParam } from "@/lib/params";

export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams(): { year: string; unit: string; version: string }[] {
  return [];
}
export const metadata: Metadata = { title: "历史版本" };

export default async function PublicVersionPage({ params }: { params: Promise<{ year: string; unit: string; version: string }> }) {
  const p = await params;
  const year = parseYearParam(p.year);
  const unit = parseUnitCodeParam(p.unit);
  const version = /^v([1-9]\d{0,4})$/.exec(p.version)?.[1];
  if (!year || !unit || !version) notFound();
  const data = await getPublicReport(unit, year, Number(version));
  if (!data) notFound();
  return <PublicReportView data={data} />;
}
