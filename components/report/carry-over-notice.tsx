// The line above the form that says which cells hold last year's proposals, with the button to accept them all.

export function CarryOverNotice({ count, year, onAcceptAll }: { count: number; year: number | undefined; onAcceptAll(): void }) {
  return (
    <div role="note" data-testid="carry-over-notice" className="flex flex-wrap items-center gap-3 rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-950">
      <p className="min-w-0 flex-1">
        已按{year ? ` ${year} 年` : "上年"}报告预填 {count} 个单元格的建议值（虚线框、标“建议”）。建议值尚未采用，也不会保存：在该单元格按回车即采用，输入其他数值即改用您的数值。
      </p>
      <button type="button" className="rounded bg-sky-700 px-3 py-1 font-medium text-white hover:bg-sky-800" onClick={onAcceptAll}>
        采用全部上年结转建议
      </button>
    </div>
  );
}
