"use client";
// The side box about the focused cell (its name, 填报口径, a pending carry-over proposal) and every open conflict.
import type { FormatDef } from "@/lib/report-format";
import type { ShownProposal } from "./carry-over-view";
import { ConflictBox } from "./conflict-box";
import type { CellConflict } from "./use-autosave";

export function CellInfo({
  format,
  focused,
  conflicts,
  text,
  proposal,
  comments,
  onResolve,
}: {
  format: FormatDef;
  focused: string | null;
  conflicts: Record<string, CellConflict>;
  text: Record<string, string>;
  proposal: ShownProposal | undefined;
  comments?: string[] | undefined;
  onResolve(cell: string, keep: "mine" | "theirs"): void;
}) {
  const focusedDef = focused ? format.cell(focused) : undefined;
  return (
    <>
      <div className="rounded border border-gray-200 bg-white p-3 text-sm" data-testid="cell-info">
        {focusedDef ? (
          <>
            <p className="font-medium">{focusedDef.accessibleName}</p>
            {focusedDef.help ? <p className="mt-1 text-gray-700">填报口径：{focusedDef.help}</p> : null}
            {proposal ? (
              <p className="mt-1 text-sky-900">
                上年结转建议值 {proposal.value}（依据：{proposal.basis}）。按回车采用，或输入其他数值。
              </p>
            ) : null}
            {comments?.map((c) => (
              <p key={c} className="mt-1 rounded bg-purple-50 px-2 py-1 text-purple-900" data-testid="cell-comment">
                审核批注 · {c}
              </p>
            ))}
            {conflicts[focusedDef.address] ? (
              <ConflictBox
                conflict={conflicts[focusedDef.address]!}
                mine={text[focusedDef.address] ?? ""}
                onResolve={(keep) => onResolve(focusedDef.address, keep)}
              />
            ) : null}
          </>
        ) : (
          <p className="text-gray-600">方向键、Tab、回车在单元格间移动；可从 Excel/WPS 复制一块数字粘贴进来。</p>
        )}
      </div>
      {Object.entries(conflicts)
        .filter(([cell]) => cell !== focusedDef?.address)
        .map(([cell, conflict]) => (
          <div key={cell} className="rounded border border-purple-300 bg-white p-3 text-sm">
            <p className="font-medium">{format.cell(cell)?.accessibleName}</p>
            <ConflictBox conflict={conflict} mine={text[cell] ?? ""} onResolve={(keep) => onResolve(cell, keep)} />
          </div>
        ))}
    </>
  );
}
