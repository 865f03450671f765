"use client";
// The supervisor's decisions on a report: return with a reason, approve (not while there is an error), reopen.
import { useState } from "react";
import type { ActionResult } from "@/components/report/form-types";
import { useActionRunner } from "@/components/ui/use-action-runner";

type Act<T> = (input: T) => Promise<ActionResult<null>>;

export function ReviewActions({
  unitCode,
  year,
  status,
  lockVersion,
  errors,
  returnReport,
  approveReport,
  reopenReport,
}: {
  unitCode: string;
  year: number;
  status: string;
  lockVersion: number;
  errors: number;
  returnReport: Act<{ unitCode: string; year: number; lockVersion: number; reason: string }>;
  approveReport: Act<{ unitCode: string; year: number; lockVersion: number }>;
  reopenReport: Act<{ unitCode: string; year: number; reason: string }>;
}) {
  const [mode, setMode] = useState<"none" | "return" | "reopen">("none");
  const [reason, setReason] = useState("");
  const { busy, error, run } = useActionRunner();
  const go = (fn: () => Promise<ActionResult<null>>) =>
    run(fn, () => {
      setMode("none");
      setReason("");
    });

  if (status !== "submitted" && status !== "approved") return null;
  return (
    <section aria-labelledby="decide-title" className="rounded border border-gray-200 bg-white p-3 text-sm" data-testid="review-actions">
      <h2 id="decide-title" className="mb-2 font-semibold">
        审核
      </h2>
      {status === "submitted" ? (
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            disabled={busy || errors > 0}
            title={errors > 0 ? `报表还有 ${errors} 个错误，不能通过` : undefined}
            onClick={() => void go(() => approveReport({ unitCode, year, lockVersion }))}
            className="rounded bg-green-700 px-3 py-1.5 font-medium text-white disabled:opacity-50"
          >
            审核通过
          </button>
          <button type="button" onClick={() => setMode("return")} className="rounded border border-red-700 px-3 py-1.5 text-red-800">
            退回修改…
          </button>
          {errors > 0 ? <p className="w-full text-red-700">报表还有 {errors} 个错误，只能退回。</p> : null}
        </div>
      ) : (
        <button type="button" onClick={() => setMode("reopen")} className="rounded border border-gray-400 px-3 py-1.5">
          重新打开…
        </button>
      )}
      {mode !== "none" ? (
        <form
          className="mt-3 space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            void go(() => (mode === "return" ? returnReport({ unitCode, year, lockVersion, reason }) : reopenReport({ unitCode, year, reason })));
          }}
        >
          <label className="block">
            <span className="block font-medium">{mode === "return" ? "退回原因（填报员会在表单顶部看到）" : "重新打开的原因"}</span>
            <textarea required minLength={2} maxLength={2000} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} className="mt-1 w-full rounded border border-gray-300 p-2" />
          </label>
          <div className="flex gap-2">
            <button type="submit" disabled={busy} className="rounded bg-red-700 px-3 py-1.5 text-white disabled:opacity-50">
              {mode === "return" ? "确认退回" : "确认重新打开"}
            </button>
            <button type="button" onClick={() => setMode("none")} className="rounded border border-gray-300 px-3 py-1.5">
              取消
            </button>
          </div>
        </form>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 rounded bg-red-50 p-2 text-red-800">
          {error}
        </p>
      ) : null}
    </section>
  );
}
