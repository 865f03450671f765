// Links to a year's open data on the public pages: every latest published report as one CSV and one JSON list.
import { yearFilePath } from "@/lib/opendata/links";

/** The year's open data: every latest published report as one CSV and one JSON list. */
export function YearFiles({ year }: { year: number }) {
  return (
    <span className="ml-3 text-sm font-normal" data-testid={`year-files-${year}`}>
      全年数据下载：
      <a href={yearFilePath(year, "csv")} download aria-label={`${year} 年度全部年报 CSV`} title={`${year} 年度全部已发布年报（各单位最新版本），CSV 开放数据`} className="text-accent hover:underline">
        CSV
      </a>
      {" / "}
      <a href={yearFilePath(year, "json")} download aria-label={`${year} 年度全部年报 JSON`} title={`${year} 年度全部已发布年报（各单位最新版本），JSON 交换格式列表`} className="text-accent hover:underline">
        JSON
      </a>
    </span>
  );
}
