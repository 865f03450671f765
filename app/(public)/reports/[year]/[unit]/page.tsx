// /reports/[year]/[unit]: the latest published version of a unit's (or the county's) report. Rendered on first
// request and kept until a publication revalidates it.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublicReportView } from "@/components/public/public-report";
import { getPublicReport } from "@/lib/dal/public";
import { parseUnitCodeParam, parseYearParam } from "@/lib/params";

export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams(): { year: string; unit: string }[] {
  return [];
}

async function load(params: Promise<{ year: string; unit: string }>) {
  const p = await params;
  const year = parseYearParam(p.year);
  const unit = parseUnitCodeParam(p.unit);
  if (!year || !unit) return null;
  return getPublicReport(unit, year);
}

export async function generateMetadata({ params }: { params: Promise<{ year: string; unit: string }> }): Promise<Metadata> {
  const data = await load(params);
  return { title: data ? `${data.unit.name}${data.year}年政府信息公开工作年度报告` : "未找到" };
}

export default async function PublicReportPage({ params }: { params: Promise<{ year: string; unit: string }> }) {
  const data = await load(params);
  if (!data) notFound();
  return <PublicReportView data={data} />;
}
