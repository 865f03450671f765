// Shapes exchanged between the clerk's form and its server actions (the actions live in app/, the form here).
import type { Issue, NarrativeId } from "@/lib/report-format";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; code?: "not_found" | "invalid" | "conflict" | "forbidden_state" };

export interface SaveRequest {
  unitCode: string;
  year: number;
  cells: { cell: string; from: string | null; to: string }[];
  narratives: { section: NarrativeId; from: string; to: string }[];
}

export interface SaveResponse {
  lockVersion: number;
  applied: { cell: string; value: string | null }[];
  appliedNarratives: { section: NarrativeId; body: string }[];
  conflicts: { cell: string; theirs: string | null; by: string | null; at: string }[];
  narrativeConflicts: { section: NarrativeId; theirs: string; by: string | null; at: string }[];
  savedAt: string;
}

export interface SubmitRequest {
  unitCode: string;
  year: number;
  lockVersion: number;
  explanations: { rule: string; cell?: string; text: string }[];
}

export type SaveAction = (input: SaveRequest) => Promise<ActionResult<SaveResponse>>;
export type SubmitAction = (input: SubmitRequest) => Promise<ActionResult<null>>;
export type WithdrawAction = (input: { unitCode: string; year: number }) => Promise<ActionResult<null>>;

/** The Excel dry run's answer (POST /api/reports/[year]/[unit]/xlsx/dry-run): what importing would change. */
export interface XlsxDryRunResponse {
  changes: { cell: string; label: string; from: string | null; to: string | null }[];
  refused: { cell: string; label: string; text: string; message: string }[];
  issues: Issue[];
  lockVersion: number;
}

/** An open review comment, shown to the clerk at its cell or section. */
export interface FormComment {
  target: string;
  body: string;
  authorName: string;
  replies: number;
}
