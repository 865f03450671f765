"use client";
// The form's autosave: keeps what is on screen, what the server has, and what is in flight; saves after a pause
// and on leaving a field; turns refused cells into conflicts that keep the user's own value on screen.
import { useCallback, useEffect, useRef, useState } from "react";
import { decimalCompare, parseCellInput, type CellValues, type FormatDef, type NarrativeId } from "@/lib/report-format";
import type { SaveAction, SaveRequest, SaveResponse } from "./form-types";

export type SaveStatus = "saved" | "pending" | "saving" | "error";

export interface CellConflict {
  theirs: string | null;
  by: string | null;
  at: string;
}

interface Store {
  base: CellValues;
  text: Record<string, string>;
  narrBase: Partial<Record<NarrativeId, string>>;
  narrText: Partial<Record<NarrativeId, string>>;
  conflicts: Record<string, CellConflict>;
  narrConflicts: Partial<Record<NarrativeId, CellConflict>>;
  lockVersion: number;
  status: SaveStatus;
  error: string | null;
  /** A refusal that retrying cannot fix (e.g. the report was submitted elsewhere): stop autosaving. */
  halted: boolean;
  savedAt: string | null;
}

const DEBOUNCE_MS = 800;
const RETRY_MS = 5000;

function same(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return (a ?? null) === (b ?? null);
  return decimalCompare(a, b) === 0;
}

export function useAutosave(opts: {
  format: FormatDef;
  unitCode: string;
  year: number;
  values: CellValues;
  narratives: Partial<Record<NarrativeId, string>>;
  lockVersion: number;
  save: SaveAction;
}) {
  const { format, unitCode, year, save } = opts;
  const store = useRef<Store>(null as unknown as Store);
  if (store.current === null) {
    store.current = {
      base: { ...opts.values },
      text: Object.fromEntries(Object.entries(opts.values).map(([k, v]) => [k, v ?? ""])),
      narrBase: { ...opts.narratives },
      narrText: { ...opts.narratives },
      conflicts: {},
      narrConflicts: {},
      lockVersion: opts.lockVersion,
      status: "saved",
      error: null,
      halted: false,
      savedAt: null,
    };
  }
  const [, setTick] = useState(0);
  const rerender = useCallback(() => setTick((t) => t + 1), []);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const again = useRef(false);

  const collect = useCallback((): SaveRequest => {
    const s = store.current;
    const cells: SaveRequest["cells"] = [];
    for (const cell of format.inputCells) {
      const a = cell.address;
      if (s.conflicts[a]) continue;
      const parsed = parseCellInput(cell, s.text[a] ?? "");
      if (parsed.ok && !same(parsed.value, s.base[a])) cells.push({ cell: a, from: s.base[a] ?? null, to: s.text[a] ?? "" });
    }
    const narratives: SaveRequest["narratives"] = [];
    for (const section of ["preamble", "s1", "s5", "s6"] as const) {
      if (s.narrConflicts[section]) continue;
      const now = s.narrText[section] ?? "";
      const was = s.narrBase[section] ?? "";
      if (now !== was) narratives.push({ section, from: was, to: now });
    }
    return { unitCode, year, cells, narratives };
  }, [format, unitCode, year]);

  const apply = useCallback((res: SaveResponse) => {
    const s = store.current;
    for (const { cell, value } of res.applied) s.base[cell] = value;
    for (const { section, body } of res.appliedNarratives) s.narrBase[section] = body;
    for (const c of res.conflicts) {
      s.base[c.cell] = c.theirs;
      s.conflicts[c.cell] = { theirs: c.theirs, by: c.by, at: c.at };
    }
    for (const c of res.narrativeConflicts) {
      s.narrBase[c.section] = c.theirs;
      s.narrConflicts[c.section] = { theirs: c.theirs, by: c.by, at: c.at };
    }
    s.lockVersion = res.lockVersion;
    s.savedAt = res.savedAt;
  }, []);

  const hasUnsaved = useCallback(() => {
    const req = collect();
    return req.cells.length > 0 || req.narratives.length > 0;
  }, [collect]);

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (inFlight.current) {
      again.current = true;
      return inFlight.current;
    }
    const s = store.current;
    if (s.halted) return false;
    const request = collect();
    if (!request.cells.length && !request.narratives.length) {
      s.status = s.error ? s.status : "saved";
      rerender();
      return true;
    }
    s.status = "saving";
    rerender();
    const run = (async () => {
      try {
        const result = await save(request);
        if (result.ok) {
          apply(result.data);
          s.error = null;
          s.status = "saved";
        } else {
          s.status = "error";
          s.error = result.error;
          if (result.code === "forbidden_state" || result.code === "not_found") s.halted = true;
        }
      } catch {
        s.status = "error";
        s.error = "网络连接中断，修改尚未保存，稍后将自动重试。";
        timer.current = setTimeout(() => void flush(), RETRY_MS);
      }
      inFlight.current = null;
      if (again.current) {
        again.current = false;
        return flush();
      }
      if (s.status === "saved" && hasUnsaved()) s.status = "pending";
      rerender();
      return s.status === "saved";
    })();
    inFlight.current = run;
    return run;
  }, [apply, collect, hasUnsaved, rerender, save]);

  const schedule = useCallback(() => {
    const s = store.current;
    if (s.status !== "saving") s.status = hasUnsaved() ? "pending" : s.error ? "error" : "saved";
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    rerender();
  }, [flush, hasUnsaved, rerender]);

  const setCells = useCallback(
    (entries: { cell: string; text: string }[]) => {
      for (const { cell, text } of entries) store.current.text[cell] = text;
      schedule();
    },
    [schedule],
  );

  const setNarrative = useCallback(
    (section: NarrativeId, text: string) => {
      store.current.narrText[section] = text;
      schedule();
    },
    [schedule],
  );

  /** Keep mine: re-apply my value on top of theirs. Take theirs: show their value. */
  const resolveConflict = useCallback(
    (cell: string, keep: "mine" | "theirs") => {
      const s = store.current;
      const c = s.conflicts[cell];
      if (!c) return;
      delete s.conflicts[cell];
      if (keep === "theirs") s.text[cell] = c.theirs ?? "";
      schedule();
    },
    [schedule],
  );

  const resolveNarrativeConflict = useCallback(
    (section: NarrativeId, keep: "mine" | "theirs") => {
      const s = store.current;
      const c = s.narrConflicts[section];
      if (!c) return;
      delete s.narrConflicts[section];
      if (keep === "theirs") s.narrText[section] = c.theirs ?? "";
      schedule();
    },
    [schedule],
  );

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      const s = store.current;
      if (s.status !== "saved" || hasUnsaved() || Object.keys(s.conflicts).length) {
        e.preventDefault();
        e.returnValue = "";
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [hasUnsaved]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const s = store.current;
  return {
    text: s.text,
    base: s.base,
    narrText: s.narrText,
    conflicts: s.conflicts,
    narrConflicts: s.narrConflicts,
    lockVersion: s.lockVersion,
    status: s.status,
    error: s.error,
    halted: s.halted,
    savedAt: s.savedAt,
    setCells,
    setNarrative,
    resolveConflict,
    resolveNarrativeConflict,
    flush,
  };
}
