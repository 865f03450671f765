"use client";
// The clerk's report form: the official layout as editable grids and text areas, live totals and checks,
// autosave without lost updates, conflict resolution, and submission with explained warnings.
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useRef, useState } from "react";
import {
  computeTotals,
  getFormat,
  NARRATIVE_MAX_LENGTH,
  parseCellInput,
  validateReport,
  type CarryOverProposal,
  type CellValues,
  type FormatVersion,
  type Issue,
  type NarrativeId,
  type ReportData,
} from "@/lib/report-format";
import { CarryOverNotice } from "./carry-over-notice";
import { initialPending, shownProposals, withoutSettledCrossChecks } from "./carry-over-view";
import { CellInfo } from "./cell-info";
import { focusCell } from "./focus-cell";
import { EditableTable, type CellUiState, type GridHandlers } from "./editable-table";
import type { FormComment, SaveAction, SubmitAction } from "./form-types";
import { buildGridIndex, moveFrom, parseClipboardBlock, planPaste, type Direction } from "./grid-model";
import { IssuePanel } from "./issue-panel";
import { NarrativeField } from "./narrative-field";
import { PreviousReportPanel } from "./previous-report-panel";
import { SubmitPanel } from "./submit-panel";
import { useAutosave } from "./use-autosave";

export interface ReportFormProps {
  unitCode: string;
  unitName: string;
  year: number;
  formatVersion: FormatVersion;
  values: CellValues;
  narratives: Partial<Record<NarrativeId, string>>;
  lockVersion: number;
  previous: ReportData | null;
  /** Last year's figures proposed for cells still blank (上年结转 etc.): shown, but saved only once accepted. */
  proposals: CarryOverProposal[];
  /** Open review comments, shown at their cells and sections. */
  comments?: FormComment[];
  save: SaveAction;
  submit: SubmitAction;
}

const STATUS_TEXT = { saved: "已保存", pending: "有未保存的修改", saving: "正在保存…", error: "未保存" } as const;

export function ReportForm(props: ReportFormProps) {
  const format = getFormat(props.formatVersion);
  const index = useMemo(() => buildGridIndex(format), [format]);
  const router = useRouter();
  const auto = useAutosave({
    format,
    unitCode: props.unitCode,
    year: props.year,
    values: props.values,
    narratives: props.narratives,
    lockVersion: props.lockVersion,
    save: props.save,
  });
  const [focused, setFocused] = useState<string | null>(null);
  const [pasteSummary, setPasteSummary] = useState<string | null>(null);
  const [showPrevious, setShowPrevious] = useState(false);
  const previousButton = useRef<HTMLButtonElement>(null);
  const [pending, setPending] = useState(() => initialPending(props.proposals, auto.text));
  const autoRef = useRef(auto);
  autoRef.current = auto;

  // What is on screen, parsed: valid values count, invalid text is reported by GEN-INT and counts as blank.
  const values: CellValues = {};
  const invalidCells: Record<string, string> = {};
  for (const cell of format.inputCells) {
    const text = auto.text[cell.address] ?? "";
    const parsed = parseCellInput(cell, text);
    values[cell.address] = parsed.ok ? parsed.value : null;
    if (!parsed.ok) invalidCells[cell.address] = text;
  }
  const report: ReportData = { formatVersion: props.formatVersion, year: props.year, unit: { code: props.unitCode, name: props.unitName }, narratives: auto.narrText, values };
  const totals = computeTotals(format, values);
  // Pending proposals are not entered: the checks and totals see blanks (blank counts stay truthful), only the X-*
  // issue a shown proposal would settle is left out.
  const proposed = shownProposals(pending, auto.text, values, props.previous);
  const issues = withoutSettledCrossChecks(
    validateReport(report, { ...(props.previous ? { previous: props.previous } : {}), invalidCells }),
    proposed,
  );
  const issuesByCell = new Map<string, Issue[]>();
  for (const issue of issues) if (issue.cell) issuesByCell.set(issue.cell, [...(issuesByCell.get(issue.cell) ?? []), issue]);

  const commentsByTarget = new Map<string, string[]>();
  for (const c of props.comments ?? []) {
    commentsByTarget.set(c.target, [...(commentsByTarget.get(c.target) ?? []), `${c.authorName}：${c.body}`]);
  }
  const cellStates: Record<string, CellUiState> = {};
  for (const cell of format.inputCells) {
    cellStates[cell.address] = {
      text: auto.text[cell.address] ?? "",
      issues: issuesByCell.get(cell.address) ?? [],
      conflict: auto.conflicts[cell.address],
      proposal: proposed[cell.address],
      comments: commentsByTarget.get(cell.address),
    };
  }
  const proposedRef = useRef(proposed);
  proposedRef.current = proposed;

  /** Every edit of a cell decides its proposal: what the clerk typed (or accepted) replaces it for good. */
  const setCells = useCallback((entries: { cell: string; text: string }[]) => {
    autoRef.current.setCells(entries);
    setPending((p) => {
      if (!entries.some((e) => e.cell in p)) return p;
      const next = { ...p };
      for (const e of entries) delete next[e.cell];
      return next;
    });
  }, []);
  const acceptProposals = (cells: string[]) =>
    setCells(cells.flatMap((c) => (proposedRef.current[c] ? [{ cell: c, text: proposedRef.current[c].value }] : [])));
  const proposedCells = index.inputOrder.filter((a) => proposed[a]);

  const move = useCallback(
    (from: string, dir: Direction) => {
      const to = moveFrom(index, format, from, dir);
      if (to) focusCell(to);
    },
    [format, index],
  );

  const handlers: GridHandlers = useMemo(
    () => ({
      onChange: (cell, text) => setCells([{ cell, text }]),
      onBlur: () => void autoRef.current.flush(),
      onFocus: (cell) => setFocused(cell),
      onKeyDown: (cell, e) => {
        const input = e.currentTarget;
        const all = input.selectionStart === 0 && input.selectionEnd === input.value.length;
        if (e.key === "ArrowUp") move(cell, "up");
        else if (e.key === "ArrowDown") move(cell, "down");
        else if (e.key === "Enter") {
          // Enter on a proposed cell confirms the proposal, like typing it.
          const proposal = proposedRef.current[cell];
          if (proposal) setCells([{ cell, text: proposal.value }]);
          move(cell, e.shiftKey ? "up" : "down");
        }
        else if (e.key === "ArrowLeft" && (all || input.selectionStart === 0)) move(cell, "left");
        else if (e.key === "ArrowRight" && (all || input.selectionEnd === input.value.length)) move(cell, "right");
        else return;
        e.preventDefault();
      },
      onPaste: (cell, e) => {
        const text = e.clipboardData.getData("text/plain");
        if (!/[\t\n\r]/.test(text.replace(/\r?\n$/, ""))) return; // one value: the browser pastes it
        e.preventDefault();
        const plan = planPaste(index, format, cell, parseClipboardBlock(text));
        setCells(plan.accepted.map((a) => ({ cell: a.cell, text: a.text })));
        const refused = plan.refused.map((r) => `${r.cell ? (format.cell(r.cell)?.accessibleName ?? r.cell) : "表格之外"}“${r.text}”：${r.reason}`);
        setPasteSummary(`已粘贴 ${plan.accepted.length} 个单元格${refused.length ? `；${refused.length} 个未粘贴：${refused.join("；")}` : "。"}`);
      },
    }),
    [format, index, move, setCells],
  );

  // A proposed cell is not filled with 0: last year's figure is the better guess, and the clerk decides on it.
  const fillBlanksWithZero = () => {
    setCells(
      format.inputCells
        .filter((c) => (auto.text[c.address] ?? "").trim() === "" && !proposed[c.address])
        .map((c) => ({ cell: c.address, text: "0" })),
    );
  };

  const conflictCount = Object.keys(auto.conflicts).length + Object.keys(auto.narrConflicts).length;

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <div className="min-w-0 space-y-6">
        <div className="sticky top-0 z-10 flex flex-wrap items-center gap-3 border-b border-gray-200 bg-gray-50/95 py-2 backdrop-blur">
          <p role="status" aria-live="polite" data-testid="save-status" data-status={auto.status} className={`text-sm ${auto.status === "error" ? "text-red-700" : "text-gray-700"}`}>
            {STATUS_TEXT[auto.status]}
            {auto.status === "error" && auto.error ? `：${auto.error}` : ""}
          </p>
          {conflictCount ? (
            <p className="text-sm text-purple-800" data-testid="conflict-count">
              {conflictCount} 处与他人的修改冲突，请逐一处理
            </p>
          ) : null}
          {props.previous ? (
            <button
              ref={previousButton}
              type="button"
              aria-expanded={showPrevious}
              aria-haspopup="dialog"
              className="rounded border border-gray-300 bg-white px-2 py-0.5 text-sm hover:bg-gray-100"
              onClick={() => setShowPrevious((v) => !v)}
            >
              查看上年报告
            </button>
          ) : null}
          <nav aria-label="章节" className="ml-auto flex flex-wrap gap-2 text-sm">
            {format.sections.map((s) => (
              <a key={s.id} href={`#section-${s.id}`} className="text-accent hover:underline">
                {s.title ? s.title.split("、")[0] : "开头"}
              </a>
            ))}
          </nav>
        </div>

        {pasteSummary ? (
          <div role="status" data-testid="paste-summary" className="rounded border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-900">
            {pasteSummary}
            <button type="button" className="ml-3 underline" onClick={() => setPasteSummary(null)}>
              关闭
            </button>
          </div>
        ) : null}

        {proposedCells.length ? (
          <CarryOverNotice count={proposedCells.length} year={props.previous?.year} onAcceptAll={() => acceptProposals(proposedCells)} />
        ) : null}

        {format.sections.map((section) => (
          <section key={section.id} id={`section-${section.id}`} aria-labelledby={`title-${section.id}`} className="scroll-mt-16 space-y-2">
            <h2 id={`title-${section.id}`} className="text-base font-semibold">
              {section.title || "开头说明（可选）"}
            </h2>
            {(commentsByTarget.get(`narratives.${section.id}`) ?? []).map((c) => (
              <p key={c} className="rounded border border-purple-300 bg-purple-50 px-2 py-1 text-sm text-purple-900" data-testid="section-comment">
                审核批注 · {c}
              </p>
            ))}
            {section.kind === "text" ? (
              <NarrativeField
                section={section.id as NarrativeId}
                label={section.title || "开头说明"}
                hint={section.hint}
                value={auto.narrText[section.id as NarrativeId] ?? ""}
                issues={issuesByCell.get(`narratives.${section.id}`) ?? []}
                conflict={auto.narrConflicts[section.id as NarrativeId]}
                {...(format.version === "2021" && section.id === "s1" ? { maxLength: NARRATIVE_MAX_LENGTH } : {})}
                {...(props.previous?.narratives[section.id as NarrativeId]?.trim()
                  ? { previous: { year: props.previous.year, text: props.previous.narratives[section.id as NarrativeId]! } }
                  : {})}
                onChange={(text) => auto.setNarrative(section.id as NarrativeId, text)}
                onBlur={() => void auto.flush()}
                onResolve={(keep) => auto.resolveNarrativeConflict(section.id as NarrativeId, keep)}
              />
            ) : (
              format.tables
                .filter((t) => t.id === section.table)
                .map((t) => (
                  <EditableTable key={t.id} table={t} format={format} cells={cellStates} totals={totals} readOnly={auto.halted} handlers={handlers} />
                ))
            )}
          </section>
        ))}
      </div>

      <aside className="space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto" aria-label="检查与提交">
        <CellInfo
          format={format}
          focused={focused}
          conflicts={auto.conflicts}
          text={auto.text}
          proposal={focused ? proposed[focused] : undefined}
          comments={focused ? commentsByTarget.get(focused) : undefined}
          onResolve={auto.resolveConflict}
        />
        <IssuePanel
          issues={issues}
          format={format}
          onFillZero={fillBlanksWithZero}
          inputOrder={index.inputOrder}
          values={values}
          proposedCells={proposedCells}
          onAcceptProposals={() => acceptProposals(proposedCells)}
        />
        <SubmitPanel
          issues={issues}
          blankCount={format.inputCells.filter((c) => values[c.address] === null && !invalidCells[c.address]).length}
          invalidCount={Object.keys(invalidCells).length}
          proposalCount={proposedCells.length}
          conflictCount={conflictCount}
          onFillZero={fillBlanksWithZero}
          onSubmit={async (explanations) => {
            if (!(await auto.flush())) return { ok: false, error: "还有修改未能保存，请稍后再试。" };
            const result = await props.submit({ unitCode: props.unitCode, year: props.year, lockVersion: auto.lockVersion, explanations });
            if (result.ok) router.refresh();
            return result;
          }}
        />
      </aside>
      {showPrevious && props.previous ? (
        <PreviousReportPanel
          report={props.previous}
          onClose={() => {
            setShowPrevious(false);
            previousButton.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}
