"use client";
// 汇总 / 更新汇总: rolls the region up afresh from the approved reports and shows the new state.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { RefreshAction, RegionTarget } from "./types";

export function RefreshButton({ target, label, refresh }: { target: RegionTarget; label: string; refresh: RefreshAction }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col gap-1">
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const result = await refresh(target);
          setBusy(false);
          if (result.ok) router.refresh();
          else setError(result.error);
        }}
        className="rounded bg-accent px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
      >
        {busy ? "正在汇总…" : label}
      </button>
      {error ? (
        <span role="alert" className="text-sm text-red-800">
          {error}
        </span>
      ) : null}
    </span>
  );
}
