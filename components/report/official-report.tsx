// The report in the official layout (read-only, server-rendered): title, preamble, six sections, three tables.
// Everything comes from the format definition in lib/report-format; nothing here names a row or column.
import {
  computeTotals,
  getFormat,
  printedValue,
  type LayoutCell,
  type NarrativeId,
  type ReportData,
  type TableDef,
} from "@/lib/report-format";
import { NarrativeText } from "./narrative-text";

/** What a reviewer sees besides the figures: last year's value and change, edits since a return, comments. */
export interface ReviewAnnotations {
  previousValues?: Record<string, string | null>;
  changed?: string[];
  commented?: string[];
}

/** Large changes (design: more than 50 % and at least 10, or 0 → non-zero) are worth a reviewer's look. */
export function changeOf(now: string | null | undefined, before: string | null | undefined) {
  if (now == null || before == null) return null;
  const a = Number(now);
  const b = Number(before);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
  const delta = a - b;
  const pct = b === 0 ? null : (delta / Math.abs(b)) * 100;
  const large = (b === 0 && a !== 0) || (pct !== null && Math.abs(pct) > 50 && Math.abs(delta) >= 10);
  return { delta, pct, large };
}

function CompareLine({ now, before }: { now: string | null | undefined; before: string | null | undefined }) {
  if (before === undefined) return null;
  const change = changeOf(now, before);
  const deltaText = change ? `${change.delta > 0 ? "+" : ""}${Number(change.delta.toFixed(6))}${change.pct === null ? "" : `，${change.pct > 0 ? "+" : ""}${change.pct.toFixed(0)}%`}` : "";
  return (
    <span className="mt-0.5 block text-[11px] font-normal leading-tight text-gray-500 print:hidden" data-compare>
      上年 {before ?? "空"}
      {deltaText ? `（${deltaText}）` : ""}
    </span>
  );
}

function TableCell({
  cell,
  values,
  format,
  idPrefix,
  annotations,
}: {
  cell: LayoutCell;
  values: Record<string, string | null>;
  format: ReturnType<typeof getFormat>;
  idPrefix: string;
  annotations?: ReviewAnnotations;
}) {
  if (cell.type === "header") {
    return (
      <th
        id={`${idPrefix}${cell.id}`}
        scope={cell.scope}
        rowSpan={cell.rowspan > 1 ? cell.rowspan : undefined}
        colSpan={cell.colspan > 1 ? cell.colspan : undefined}
        title={cell.help}
        className="border border-gray-800 px-1.5 py-1 text-center align-middle font-normal"
      >
        {cell.label}
      </th>
    );
  }
  const def = format.cell(cell.address);
  const isTotal = def?.kind === "total";
  const before = annotations?.previousValues ? annotations.previousValues[cell.address] : undefined;
  const large = changeOf(values[cell.address], before)?.large ?? false;
  const changed = annotations?.changed?.includes(cell.address) ?? false;
  const commented = annotations?.commented?.includes(cell.address) ?? false;
  return (
    <td
      data-cell={cell.address}
      data-kind={def?.kind}
      data-large-change={large || undefined}
      data-changed={changed || undefined}
      headers={cell.headerIds.map((id) => `${idPrefix}${id}`).join(" ")}
      rowSpan={cell.rowspan > 1 ? cell.rowspan : undefined}
      colSpan={cell.colspan > 1 ? cell.colspan : undefined}
      className={`border border-gray-800 px-1.5 py-1 text-center tabular-nums ${isTotal ? "font-semibold" : ""} ${large ? "bg-amber-100 print:bg-transparent" : ""} ${changed ? "outline outline-2 -outline-offset-2 outline-purple-600 print:outline-none" : ""}`}
    >
      <span data-value>{def ? printedValue(def, values[cell.address]) : ""}</span>
      {commented ? (
        <span className="ml-1 text-xs text-purple-700 print:hidden" title="有批注">
          ●<span className="sr-only">有批注</span>
        </span>
      ) : null}
      <CompareLine now={values[cell.address]} before={before} />
    </td>
  );
}

function OfficialTable({
  table,
  values,
  format,
  idPrefix,
  annotations,
}: {
  table: TableDef;
  values: Record<string, string | null>;
  format: ReturnType<typeof getFormat>;
  idPrefix: string;
  annotations?: ReviewAnnotations;
}) {
  return (
    <table className="official-table my-3 w-full border-collapse text-sm" data-table={table.id}>
      <caption className="sr-only">{table.caption}</caption>
      {table.header.length ? (
        <thead>
          {table.header.map((row, i) => (
            <tr key={i}>
              {row.cells.map((c, j) => (
                <TableCell key={j} cell={c} values={values} format={format} idPrefix={idPrefix} annotations={annotations} />
              ))}
            </tr>
          ))}
        </thead>
      ) : null}
      <tbody>
        {table.body.map((row, i) => (
          <tr key={i}>
            {row.cells.map((c, j) => (
              <TableCell key={j} cell={c} values={values} format={format} idPrefix={idPrefix} annotations={annotations} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function OfficialReport({
  report,
  idPrefix = "",
  heading,
  annotations,
}: {
  report: ReportData;
  annotations?: ReviewAnnotations;
  idPrefix?: string;
  /** Overrides the printed unit name and year; a blank template prints placeholders and no figures at all. */
  heading?: { unit: string; year: string; template?: boolean };
}) {
  const unitName = heading?.unit ?? report.unit.name;
  const yearText = heading?.year ?? String(report.year);
  const format = getFormat(report.formatVersion);
  const values: Record<string, string | null> = heading?.template
    ? {}
    : { ...report.values, ...computeTotals(format, report.values) };
  return (
    <article
      className="official-report mx-auto max-w-[210mm] bg-white px-8 py-10 font-official-body text-[15px] text-black shadow-sm print:max-w-none print:p-0 print:shadow-none"
      data-format={report.formatVersion}
      aria-label={`${unitName}${yearText}年政府信息公开工作年度报告`}
    >
      <header className="mb-8 text-center font-official-title">
        <p className="text-2xl">{unitName}</p>
        <h2 className="mt-2 text-2xl">{yearText}年政府信息公开工作年度报告</h2>
      </header>
      {format.sections.map((section) => (
        <section
          key={section.id}
          data-section={section.id}
          data-changed={annotations?.changed?.includes(`narratives.${section.id}`) || undefined}
          className={`mt-6 ${annotations?.changed?.includes(`narratives.${section.id}`) ? "border-l-4 border-purple-600 pl-3 print:border-0 print:pl-0" : ""}`}
        >
          {section.title ? <h3 className="mb-3 font-official-heading text-lg">{section.title}</h3> : null}
          {section.kind === "text" ? (
            section.id === "preamble" && !report.narratives.preamble ? null : (
              <NarrativeText text={report.narratives[section.id as NarrativeId]} />
            )
          ) : (
            format.tables
              .filter((t) => t.id === section.table)
              .map((t) => (
                <OfficialTable key={t.id} table={t} values={values} format={format} idPrefix={idPrefix} annotations={annotations} />
              ))
          )}
        </section>
      ))}
    </article>
  );
}
