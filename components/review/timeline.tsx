// The report's history, newest first: every save with the cells and paragraphs it changed, every status change
// with its reason; each entry links to the report as it was then.
import Link from "next/link";
import type { FormatDef } from "@/lib/report-format";
import { ACTION_LABELS, type ReportAction } from "@/lib/lifecycle";
import { formatDateTime } from "@/lib/format-date";
import { targetLabel } from "./targets";

export type TimelineItem =
  | { kind: "save"; at: Date; byName: string | null; lockVersion: number; cells: { cell: string; from: string | null; to: string | null }[]; narratives: { section: string }[] }
  | { kind: "transition"; at: Date; byName: string | null; lockVersion: number; action: string; reason: string | null };

export function Timeline({ items, format, baseHref }: { items: TimelineItem[]; format: FormatDef; baseHref: string }) {
  if (!items.length) return <p className="text-sm text-gray-600">暂无记录。</p>;
  return (
    <ol className="space-y-2 text-sm" data-testid="timeline">
      {items.map((item, i) => (
        <li key={i} className="border-l-2 border-gray-300 pl-3">
          <p className="text-xs text-gray-500">
            {formatDateTime(item.at)} · {item.byName ?? "系统"}
          </p>
          {item.kind === "transition" ? (
            <p>
              <span className="font-medium">{ACTION_LABELS[item.action as ReportAction] ?? item.action}</span>
              {item.reason ? `：${item.reason}` : ""}
            </p>
          ) : (
            <p>
              保存：
              {[
                ...item.cells.slice(0, 4).map((c) => `${targetLabel(format, c.cell)} ${c.from ?? "空"}→${c.to ?? "空"}`),
                ...item.narratives.map((n) => `修改了“${targetLabel(format, `narratives.${n.section}`)}”`),
              ].join("；")}
              {item.cells.length > 4 ? ` 等 ${item.cells.length} 个单元格` : ""}
            </p>
          )}
          <Link href={`${baseHref}?version=${item.lockVersion}`} className="text-xs text-accent hover:underline">
            查看当时的版本
          </Link>
        </li>
      ))}
    </ol>
  );
}
