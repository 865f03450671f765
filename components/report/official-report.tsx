// The report in the official layout (read-only, server-rendered): title, preamble, six sections, three tables.
// Everything comes from the format definition in lib/report-format; nothing here names a row or column.
import {
  computeTotals,
  getFormat,
  type CellDef,
  type LayoutCell,
  type NarrativeId,
  type ReportData,
  type TableDef,
} from "@/lib/report-format";
import { NarrativeText } from "./narrative-text";

function displayValue(cell: CellDef, value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (cell.kind === "money" && cell.canonicalUnit && !cell.columnLabel.includes("单位")) {
    return `${value}${cell.canonicalUnit}`;
  }
  return value;
}

function TableCell({
  cell,
  values,
  format,
  idPrefix,
}: {
  cell: LayoutCell;
  values: Record<string, string | null>;
  format: ReturnType<typeof getFormat>;
  idPrefix: string;
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
  return (
    <td
      data-cell={cell.address}
      data-kind={def?.kind}
      headers={cell.headerIds.map((id) => `${idPrefix}${id}`).join(" ")}
      rowSpan={cell.rowspan > 1 ? cell.rowspan : undefined}
      colSpan={cell.colspan > 1 ? cell.colspan : undefined}
      className={`border border-gray-800 px-1.5 py-1 text-center tabular-nums ${isTotal ? "font-semibold" : ""}`}
    >
      {def ? displayValue(def, values[cell.address]) : ""}
    </td>
  );
}

function OfficialTable({
  table,
  values,
  format,
  idPrefix,
}: {
  table: TableDef;
  values: Record<string, string | null>;
  format: ReturnType<typeof getFormat>;
  idPrefix: string;
}) {
  return (
    <table className="official-table my-3 w-full border-collapse text-sm" data-table={table.id}>
      <caption className="sr-only">{table.caption}</caption>
      {table.header.length ? (
        <thead>
          {table.header.map((row, i) => (
            <tr key={i}>
              {row.cells.map((c, j) => (
                <TableCell key={j} cell={c} values={values} format={format} idPrefix={idPrefix} />
              ))}
            </tr>
          ))}
        </thead>
      ) : null}
      <tbody>
        {table.body.map((row, i) => (
          <tr key={i}>
            {row.cells.map((c, j) => (
              <TableCell key={j} cell={c} values={values} format={format} idPrefix={idPrefix} />
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
}: {
  report: ReportData;
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
        <section key={section.id} data-section={section.id} className="mt-6">
          {section.title ? <h3 className="mb-3 font-official-heading text-lg">{section.title}</h3> : null}
          {section.kind === "text" ? (
            section.id === "preamble" && !report.narratives.preamble ? null : (
              <NarrativeText text={report.narratives[section.id as NarrativeId]} />
            )
          ) : (
            format.tables
              .filter((t) => t.id === section.table)
              .map((t) => <OfficialTable key={t.id} table={t} values={values} format={format} idPrefix={idPrefix} />)
          )}
        </section>
      ))}
    </article>
  );
}
