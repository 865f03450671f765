// Plain data the county page's client components receive (components never import lib/dal; the DAL's DTOs fit these).
import type { ActionResult } from "@/components/report/form-types";

export interface RegionTarget {
  year: number;
  region?: string;
}

export interface DrillResult {
  cell: string;
  label: string;
  countyValue: string | null;
  sum: string;
  stale: boolean;
  rows: { code: string; name: string; kindLabel: string; value: string | null }[];
  subtotals: { label: string; value: string }[];
}

export interface ContributorRow {
  code: string;
  name: string;
  kindLabel: string;
  source: "report" | "region";
  state: "included" | "excluded" | "missing";
  statusLabel: string;
  exclusion: { reason: string; byName: string | null; at: Date } | null;
}

export type RefreshAction = (input: RegionTarget) => Promise<ActionResult<null>>;
export type ExcludeAction = (input: RegionTarget & { unitCode: string; reason: string }) => Promise<ActionResult<null>>;
export type IncludeAction = (input: RegionTarget & { unitCode: string }) => Promise<ActionResult<null>>;
export type DrillAction = (input: RegionTarget & { cell: string }) => Promise<ActionResult<DrillResult>>;
export type SaveNarrativesAction = (
  input: RegionTarget & { lockVersion: number; narratives: Record<string, string> },
) => Promise<ActionResult<{ lockVersion: number }>>;
