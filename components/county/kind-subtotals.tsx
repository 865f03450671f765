"use client";
// Subtotals of the roll-up by unit kind (政府办公室 / 乡镇 / 部门 / 下级区域) for any cell the supervisor picks.
import { useState } from "react";

export interface KindSubtotalRow {
  kind: string;
  label: string;
  units: number;
  values: Record<string, string | null>;
}

export function KindSubtotals({ rows, cells, initial }: { rows: KindSubtotalRow[]; cells: { value: string; label: string }[]; initial: string }) {
  const [cell, setCell] = useState(initial);
  return (
    <section aria-labelledby="subtotals-title" className="rounded border border-gray-200 bg-white p-3 text-sm" data-testid="kind-subtotals">
      <h2 id="subtotals-title" className="font-semibold">
        分类小计
      </h2>
      <label className="mt-1 block">
        <span className="sr-only">小计的单元格</span>
        <select value={cell} onChange={(e) => setCell(e.target.value)} className="w-full rounded border border-gray-300 p-1" aria-label="小计的单元格">
          {cells.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <table className="mt-2 w-full border-collapse text-left">
        <thead>
          <tr className="border-b border-gray-300">
            <th scope="col" className="py-0.5 font-medium">类别</th>
            <th scope="col" className="py-0.5 text-right font-medium">单位数</th>
            <th scope="col" className="py-0.5 text-right font-medium">小计</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.kind} data-kind={r.kind} className="border-b border-gray-100">
              <th scope="row" className="py-0.5 font-normal">{r.label}</th>
              <td className="py-0.5 text-right tabular-nums">{r.units}</td>
              <td className="py-0.5 text-right tabular-nums">{r.values[cell] ?? "空"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
