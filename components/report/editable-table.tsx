"use client";
// One report table as a spreadsheet-like grid in the official layout: inputs for input cells, live totals.
import { memo } from "react";
import type { FormatDef, Issue, LayoutCell, TableDef } from "@/lib/report-format";
import type { ShownProposal } from "./carry-over-view";
import type { CellConflict } from "./use-autosave";

export interface CellUiState {
  text: string;
  issues: Issue[];
  conflict?: CellConflict;
  /** Last year's proposal for a cell that is still blank: shown in the cell, not entered until accepted. */
  proposal?: ShownProposal | undefined;
  /** Open review comments on this cell. */
  comments?: string[];
}

export interface GridHandlers {
  onChange(cell: string, text: string): void;
  onBlur(cell: string): void;
  onFocus(cell: string): void;
  onKeyDown(cell: string, e: React.KeyboardEvent<HTMLInputElement>): void;
  onPaste(cell: string, e: React.ClipboardEvent<HTMLInputElement>): void;
}

function issueClass(issues: Issue[]): string {
  if (issues.some((i) => i.severity === "error" && i.rule !== "GEN-FILLED")) return "border-red-500 bg-red-50";
  if (issues.some((i) => i.severity === "warning" && i.rule !== "GEN-FILLED")) return "border-amber-500 bg-amber-50";
  return "border-transparent";
}

const Cell = memo(function Cell({
  cell,
  format,
  state,
  total,
  readOnly,
  handlers,
}: {
  cell: LayoutCell;
  format: FormatDef;
  state: CellUiState | undefined;
  total: string | undefined;
  readOnly: boolean;
  handlers: GridHandlers;
}) {
  if (cell.type === "header") {
    return (
      <th
        id={cell.id}
        scope={cell.scope}
        rowSpan={cell.rowspan > 1 ? cell.rowspan : undefined}
        colSpan={cell.colspan > 1 ? cell.colspan : undefined}
        title={cell.help}
        className="border border-gray-400 bg-gray-50 px-1.5 py-1 text-center text-xs font-normal leading-snug"
      >
        {cell.label}
        {cell.help ? <span aria-hidden className="ml-0.5 cursor-help text-accent">ⓘ</span> : null}
      </th>
    );
  }
  const def = format.cell(cell.address)!;
  const span = { rowSpan: cell.rowspan > 1 ? cell.rowspan : undefined, colSpan: cell.colspan > 1 ? cell.colspan : undefined };
  if (def.kind === "total") {
    return (
      <td {...span} headers={cell.headerIds.join(" ")} className="border border-gray-400 bg-slate-100 px-1 text-center">
        <output data-cell={cell.address} aria-label={`${def.accessibleName}（自动计算）`} className="block py-1 font-semibold tabular-nums text-slate-700">
          {total}
        </output>
      </td>
    );
  }
  const issues = state?.issues ?? [];
  const proposal = state?.text === "" ? state.proposal : undefined;
  const messages = [
    ...(proposal ? [`建议值 ${proposal.value}（依据：${proposal.basis}），尚未采用：按回车采用，或输入其他数值`] : []),
    ...issues.filter((i) => i.rule !== "GEN-FILLED").map((i) => i.message),
    ...(state?.comments ?? []).map((c) => `审核批注：${c}`),
  ];
  const describedBy = messages.length || state?.conflict ? `msg-${cell.address}` : undefined;
  return (
    <td {...span} headers={cell.headerIds.join(" ")} className="relative border border-gray-400 p-0">
      <input
        type="text"
        inputMode={def.kind === "count" ? "numeric" : "decimal"}
        autoComplete="off"
        spellCheck={false}
        data-cell={cell.address}
        aria-label={def.accessibleName}
        aria-invalid={issues.some((i) => i.severity === "error" && i.rule !== "GEN-FILLED") || undefined}
        aria-describedby={describedBy}
        readOnly={readOnly}
        data-proposed={proposal ? "true" : undefined}
        value={proposal ? proposal.value : (state?.text ?? "")}
        title={[def.help, ...messages].filter(Boolean).join("\n") || undefined}
        onChange={(e) => handlers.onChange(cell.address, e.target.value)}
        onInput={(e) => {
          // Typing exactly the proposed figure leaves the value unchanged, so React fires no onChange: it is an entry.
          if (proposal && e.currentTarget.value === proposal.value) handlers.onChange(cell.address, e.currentTarget.value);
        }}
        onBlur={() => handlers.onBlur(cell.address)}
        onFocus={(e) => {
          // Like a spreadsheet: a cell you arrive at is selected whole, so typing replaces it.
          e.currentTarget.select();
          e.currentTarget.dataset.justFocused = "1";
          handlers.onFocus(cell.address);
        }}
        onMouseUp={(e) => {
          // The mouse-up of the click that focused the cell would otherwise collapse the selection.
          if (e.currentTarget.dataset.justFocused) {
            e.preventDefault();
            delete e.currentTarget.dataset.justFocused;
          }
        }}
        onKeyDown={(e) => handlers.onKeyDown(cell.address, e)}
        onPaste={(e) => handlers.onPaste(cell.address, e)}
        className={`block w-full min-w-[3.5rem] border-2 px-1 py-1 text-center tabular-nums outline-none focus:border-accent focus:bg-white ${
          state?.conflict ? "border-purple-600 bg-purple-50" : proposal ? "border-dashed border-sky-500 bg-sky-50 italic text-sky-800" : issueClass(issues)
        } ${state?.text === "" && !proposal ? "bg-yellow-50/40" : ""}`}
      />
      {proposal ? (
        <span aria-hidden className="pointer-events-none absolute right-0.5 top-0 text-[10px] leading-none text-sky-700">
          建议
        </span>
      ) : null}
      {state?.comments?.length ? (
        <span aria-hidden data-comment-marker className="pointer-events-none absolute left-0.5 top-0 text-[10px] leading-none text-purple-700">
          批
        </span>
      ) : null}
      {describedBy ? (
        <span id={describedBy} className="sr-only">
          {[...messages, state?.conflict ? "此单元格与他人的修改冲突" : ""].filter(Boolean).join("；")}
        </span>
      ) : null}
    </td>
  );
});

export function EditableTable({
  table,
  format,
  cells,
  totals,
  readOnly,
  handlers,
}: {
  table: TableDef;
  format: FormatDef;
  cells: Record<string, CellUiState>;
  totals: Record<string, string>;
  readOnly: boolean;
  handlers: GridHandlers;
}) {
  const render = (cell: LayoutCell, key: number) => (
    <Cell
      key={key}
      cell={cell}
      format={format}
      state={cell.type === "value" ? cells[cell.address] : undefined}
      total={cell.type === "value" ? totals[cell.address] : undefined}
      readOnly={readOnly}
      handlers={handlers}
    />
  );
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse bg-white text-sm" data-table={table.id}>
        <caption className="sr-only">{table.caption}</caption>
        {table.header.length ? (
          <thead>
            {table.header.map((row, i) => (
              <tr key={i}>{row.cells.map(render)}</tr>
            ))}
          </thead>
        ) : null}
        <tbody>
          {table.body.map((row, i) => (
            <tr key={i}>{row.cells.map(render)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
