// Names of the places a comment or a change can refer to: a cell, a narrative section, the whole report.
import type { FormatDef } from "@/lib/report-format";

export function targetLabel(format: FormatDef, target: string): string {
  if (target === "report") return "整份报告";
  if (target.startsWith("narratives.")) {
    const id = target.slice("narratives.".length);
    return format.sections.find((s) => s.id === id)?.title || "开头说明";
  }
  return format.cell(target)?.accessibleName ?? target;
}

export function commentTargets(format: FormatDef): { value: string; label: string }[] {
  return [
    { value: "report", label: "整份报告" },
    ...format.sections.filter((s) => s.kind === "text").map((s) => ({ value: `narratives.${s.id}`, label: s.title || "开头说明" })),
    ...format.inputCells.map((c) => ({ value: c.address, label: c.accessibleName })),
  ];
}
