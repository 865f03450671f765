"use client";
// Drill-down: click a county figure (td[data-cell] in the official layout, one delegated listener) or pick it from the
// list to see the units behind it with their values and subtotals by unit kind.
import { useCallback, useEffect, useRef, useState } from "react";
import type { DrillAction, DrillResult, RegionTarget } from "./types";

export function DrillDown({ target, cells, drill }: { target: RegionTarget; cells: { value: string; label: string }[]; drill: DrillAction }) {
  const [cell, setCell] = useState("");
  const [data, setData] = useState<DrillResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const panelRef = useRef<HTMLElement>(null);
  const request = useRef(0);

  const open = useCallback(
    async (address: string) => {
      setCell(address);
      if (!address) return setData(null);
      const mine = ++request.current;
      setBusy(true);
      setError(null);
      const result = await drill({ ...target, cell: address });
      if (mine !== request.current) return;
      setBusy(false);
      if (result.ok) setData(result.data);
      else setError(result.error);
    },
    [drill, target],
  );

  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      const td = (e.target as HTMLElement).closest<HTMLElement>("article.official-report td[data-cell]");
      if (!td?.dataset.cell) return;
      void open(td.dataset.cell);
      panelRef.current?.scrollIntoView({ block: "nearest" });
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [open]);

  return (
    <section ref={panelRef} aria-labelledby="drill-title" className="rounded border border-gray-200 bg-white p-3 text-sm" data-testid="drill-down">
      <h2 id="drill-title" className="font-semibold">
        数字来源
      </h2>
      <label className="mt-1 block">
        <span className="block text-gray-700">单元格（也可点击报表中的数字）</span>
        <select value={cell} onChange={(e) => void open(e.target.value)} className="mt-1 w-full rounded border border-gray-300 p-1" aria-label="查看来源的单元格">
          <option value="">请选择…</option>
          {cells.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <div aria-live="polite" className="mt-2">
        {busy ? <p>正在读取…</p> : null}
        {error ? (
          <p role="alert" className="text-red-800">
            {error}
          </p>
        ) : null}
        {data && !busy ? (
          <div data-drill-cell={data.cell}>
            <p className="font-medium">{data.label}</p>
            <p>
              汇总数 <span data-testid="drill-county-value">{data.countyValue ?? "空"}</span>；下列单位合计 <span data-testid="drill-sum">{data.sum}</span>
            </p>
            {data.stale ? <p className="text-amber-900">汇总已过期：下列为各单位当前数字，更新汇总后才与汇总数一致。</p> : null}
            <table className="mt-2 w-full border-collapse text-left">
              <caption className="sr-only">各单位数值</caption>
              <thead>
                <tr className="border-b border-gray-300">
                  <th scope="col" className="py-0.5 font-medium">单位</th>
                  <th scope="col" className="py-0.5 font-medium">类别</th>
                  <th scope="col" className="py-0.5 text-right font-medium">数值</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={r.code} data-unit={r.code} className="border-b border-gray-100">
                    <td className="py-0.5">{r.name}</td>
                    <td className="py-0.5">{r.kindLabel}</td>
                    <td className="py-0.5 text-right tabular-nums">{r.value ?? "空"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3 className="mt-2 font-medium">按类别小计</h3>
            <ul data-testid="drill-subtotals">
              {data.subtotals.map((s) => (
                <li key={s.label}>
                  {s.label}：<span className="tabular-nums">{s.value}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </section>
  );
}
