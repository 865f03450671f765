"use client";
// 撤回: takes a submitted report back to editing while the supervisor has not acted on it.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { WithdrawAction } from "./form-types";

export function WithdrawButton({ unitCode, year, withdraw }: { unitCode: string; year: number; withdraw: WithdrawAction }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex items-center gap-3">
      <button
        type="button"
        disabled={busy}
        className="rounded border border-gray-400 bg-white px-3 py-1.5 text-sm hover:bg-gray-100 disabled:opacity-50"
        onClick={async () => {
          if (!window.confirm("撤回后可以继续修改，修改完须重新提交。确定撤回？")) return;
          setBusy(true);
          const result = await withdraw({ unitCode, year });
          setBusy(false);
          if (result.ok) router.refresh();
          else setError(result.error);
        }}
      >
        {busy ? "正在撤回…" : "撤回"}
      </button>
      {error ? (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}
