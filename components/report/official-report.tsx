// The report in the official layout (read-only, server-rendered): title, preamble, six sections, three tables.
// Everything comes from the format definition in lib/report-format; nothing here names a row or column.
import {
  computeTotals,
  decimalCompare,
  getFormat,
  printedValue,
  type LayoutCell,
  type NarrativeId,
  type ReportData,
  type TableDef,
} from "@/lib/report-format";
import { changeOf } from "./change";
import { NarrativeText } from "./narrative-text";

/** What a reviewer sees besides the figures: last year's value and change, edits since a return, comments. */
export interface ReviewAnnotations {
  previousValues?: Record<string, string | null>;
  changed?: string[];
  commented?: string[];
}

function CompareLine({ now, before }: { now: string | null | undefined; before: string | null | undefined }) {
  if (before === undefined) return null;
  const change = changeOf(now, before);
  const deltaText = change ? `${decimalCompare(change.delta, "0") > 0 ? "+" : ""}${change.delta}${change.pct === null ? "" : `，${change.pct > 0 ? "+" : ""}${change.pct.toFixed(0)}%`}` : "";
  return (
    <span className="mt-0.5 block text-[11px] font-normal leading-tight text-gray-500 print:hidden" data-compare>
      上年 {before ?? "空"}
      {deltaText ? `（${deltaText}）` : ""}
    </span>
  );
}

/** rowSpan/colSpan/title only where they say something: the public page is ~200 cells, sent as HTML and as RSC data. */
function spanProps(cell: LayoutCell) {
  return {
    ...(cell.rowspan > 1 ? { rowSpan: cell.rowspan } : {}),
    ...(cell.colspan > 1 ? { colSpan: cell.colspan } : {}),
  };
}

function TableCell({
  cell,
  values,
  format,
  headerId,
  annotations,
}: {
  cell: LayoutCell;
  values: Record<string, string | null>;
  format: ReturnType<typeof getFormat>;
  headerId: (id: string) => string;
  annotations?: ReviewAnnotations;
}) {
  if (cell.type === "header") {
    return (
      <th id={headerId(cell.id)} scope={cell.scope} {...spanProps(cell)} {...(cell.help ? { title: cell.help } : {})}>
        {cell.label}
      </th>
    );
  }
  const def = format.cell(cell.address);
  const printed = def ? printedValue(def, values[cell.address]) : "";
  const headers = cell.headerIds.map(headerId).join(" ");
  const total = def?.kind === "total";
  if (!annotations) {
    // The public and preview path: the cell's text is its printed value.
    return (
      <td data-cell={cell.address} headers={headers} {...spanProps(cell)} {...(total ? { className: "total" } : {})}>
        {printed}
      </td>
    );
  }
  const before = annotations.previousValues ? annotations.previousValues[cell.address] : undefined;
  const large = changeOf(values[cell.address], before)?.large ?? false;
  const changed = annotations.changed?.includes(cell.address) ?? false;
  const commented = annotations.commented?.includes(cell.address) ?? false;
  const classes = [total ? "total" : "", large ? "bg-amber-100 print:bg-transparent" : "", changed ? "outline outline-2 -outline-offset-2 outline-purple-600 print:outline-none" : ""];
  return (
    <td
      data-cell={cell.address}
      {...(large ? { "data-large-change": true } : {})}
      {...(changed ? { "data-changed": true } : {})}
      headers={headers}
      {...spanProps(cell)}
      className={classes.filter(Boolean).join(" ") || undefined}
    >
      <span data-value>{printed}</span>
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
  tableIndex,
  values,
  format,
  idPrefix,
  annotations,
}: {
  table: TableDef;
  tableIndex: number;
  values: Record<string, string | null>;
  format: ReturnType<typeof getFormat>;
  idPrefix: string;
  annotations?: ReviewAnnotations;
}) {
  // Header ids as short as they can be (t<table>h<n>): every value cell lists two or three of them in `headers`.
  const ids = new Map<string, string>();
  for (const row of [...table.header, ...table.body]) {
    for (const c of row.cells) if (c.type === "header") ids.set(c.id, `${idPrefix}t${tableIndex}h${ids.size}`);
  }
  const headerId = (id: string) => ids.get(id) ?? `${idPrefix}${id}`;
  return (
    <table className="official-table my-3 w-full border-collapse text-sm" data-table={table.id}>
      <caption className="sr-only">{table.caption}</caption>
      {table.header.length ? (
        <thead>
          {table.header.map((row, i) => (
            <tr key={i}>
              {row.cells.map((c, j) => (
                <TableCell key={j} cell={c} values={values} format={format} headerId={headerId} annotations={annotations} />
              ))}
            </tr>
          ))}
        </thead>
      ) : null}
      <tbody>
        {table.body.map((row, i) => (
          <tr key={i}>
            {row.cells.map((c, j) => (
              <TableCell key={j} cell={c} values={values} format={format} headerId={headerId} annotations={annotations} />
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
          {...(annotations?.changed?.includes(`narratives.${section.id}`)
            ? { "data-changed": true, className: "mt-6 border-l-4 border-purple-600 pl-3 print:border-0 print:pl-0" }
            : { className: "mt-6" })}
        >
          {section.title ? <h3 className="mb-3 font-official-heading text-lg">{section.title}</h3> : null}
          {section.kind === "text" ? (
            section.id === "preamble" && !report.narratives.preamble ? null : (
              <NarrativeText text={report.narratives[section.id as NarrativeId]} />
            )
          ) : (
            format.tables
              .map((t, tableIndex) => ({ t, tableIndex }))
              .filter(({ t }) => t.id === section.table)
              .map(({ t, tableIndex }) => (
                <OfficialTable
                  key={t.id}
                  table={t}
                  tableIndex={tableIndex}
                  values={values}
                  format={format}
                  idPrefix={idPrefix}
                  annotations={annotations}
                />
              ))
          )}
        </section>
      ))}
    </article>
  );
}
