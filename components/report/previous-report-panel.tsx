"use client";
// Last year's whole report in the official layout, in a side panel over the right of the page: the form stays
// mounted (nothing typed is lost) and usable on the left. Esc or 关闭 closes it and returns focus to the opener.
import { useEffect, useRef } from "react";
import type { ReportData } from "@/lib/report-format";
import { OfficialReport } from "./official-report";

export function PreviousReportPanel({ report, onClose }: { report: ReportData; onClose(): void }) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeButton.current?.focus();
  }, []);
  return (
    <div
      role="dialog"
      aria-modal="false"
      aria-labelledby="previous-report-title"
      data-testid="previous-report"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onClose();
        }
      }}
      className="fixed inset-y-0 right-0 z-30 flex w-full max-w-[min(52rem,55vw)] flex-col border-l border-gray-300 bg-gray-100 shadow-2xl max-lg:max-w-full"
    >
      <div className="flex items-center gap-3 border-b border-gray-300 bg-white px-4 py-2">
        <h2 id="previous-report-title" className="font-semibold">
          上年报告（{report.year} 年）
        </h2>
        <span className="text-xs text-gray-600">只读；左侧表单可继续填写</span>
        <button ref={closeButton} type="button" className="ml-auto rounded border border-gray-300 px-2 py-1 text-sm hover:bg-gray-50" onClick={onClose}>
          关闭
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto p-4">
        {/* Prefixed header ids keep the panel's table headers from clashing with the form's. */}
        <OfficialReport report={report} idPrefix="previous-" />
      </div>
    </div>
  );
}
