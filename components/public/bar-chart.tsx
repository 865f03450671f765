// An accessible SVG bar chart with its numbers as a table; rendered on the server, no client JavaScript.
export interface Bar {
  label: string;
  value: number;
}

export function BarChart({ id, title, bars, unit = "件" }: { id: string; title: string; bars: Bar[]; unit?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rowH = 26;
  const labelW = 150;
  const width = 640;
  const barW = width - labelW - 70;
  const height = bars.length * rowH + 10;
  return (
    <figure className="my-4" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="mb-1 font-medium">
        {title}
      </figcaption>
      <svg role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-table`} viewBox={`0 0 ${width} ${height}`} className="h-auto w-full max-w-2xl">
        {bars.map((b, i) => {
          const w = Math.round((b.value / max) * barW);
          const y = 5 + i * rowH;
          return (
            <g key={b.label}>
              <text x={labelW - 6} y={y + 16} textAnchor="end" fontSize="13" fill="#374151">
                {b.label}
              </text>
              <rect x={labelW} y={y + 3} width={Math.max(w, b.value > 0 ? 2 : 0)} height={rowH - 8} fill="#1f4e8c" rx="2" />
              <text x={labelW + w + 6} y={y + 16} fontSize="13" fill="#111827">
                {b.value}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="mt-1 text-sm">
        <summary className="cursor-pointer text-accent">查看数据表</summary>
        <table id={`${id}-table`} className="mt-1 border-collapse text-sm">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col" className="border border-gray-300 px-2 py-1 text-left">项目</th>
              <th scope="col" className="border border-gray-300 px-2 py-1 text-right">数量（{unit}）</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.label}>
                <th scope="row" className="border border-gray-300 px-2 py-1 text-left font-normal">{b.label}</th>
                <td className="border border-gray-300 px-2 py-1 text-right tabular-nums">{b.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
