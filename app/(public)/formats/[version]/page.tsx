// /formats/2019 and /formats/2021: each official format as a blank template, rendered from its definition.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OfficialReport } from "@/components/report/official-report";
import { emptyValues, getFormat, type FormatVersion } from "@/lib/report-format";

const VERSIONS: FormatVersion[] = ["2019", "2021"];

export function generateStaticParams() {
  return VERSIONS.map((version) => ({ version }));
}
export const dynamicParams = false;

export async function generateMetadata({ params }: { params: Promise<{ version: string }> }): Promise<Metadata> {
  const { version } = await params;
  return { title: `${version} 年版年度报告格式（空白模板）` };
}

export default async function FormatPage({ params }: { params: Promise<{ version: string }> }) {
  const { version } = await params;
  if (version !== "2019" && version !== "2021") notFound();
  const format = getFormat(version);
  return (
    <main className="bg-gray-50 py-6 print:bg-white print:py-0">
      <div className="no-print mx-auto mb-4 max-w-[210mm] px-4 text-sm text-gray-700">
        <h1 className="text-lg font-semibold text-gray-900">{version} 年版政府信息公开工作年度报告格式</h1>
        <p>
          依据{format.notice}。其他格式：
          {VERSIONS.filter((v) => v !== version).map((v) => (
            <Link key={v} href={`/formats/${v}`} className="text-accent underline">
              {v} 年版
            </Link>
          ))}
        </p>
      </div>
      <OfficialReport
        report={{ formatVersion: version, year: 0, unit: { code: "template", name: "" }, narratives: {}, values: emptyValues(format) }}
        heading={{ unit: "（单位名称）", year: "××××", template: true }}
      />
    </main>
  );
}
