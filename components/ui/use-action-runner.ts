"use client";
// Runs a server action from a button or form: busy while it runs, its Chinese error kept for display, and on success
// the caller's clean-up followed by a refresh of the page's server data.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult } from "@/components/report/form-types";

export function useActionRunner() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async <T,>(fn: () => Promise<ActionResult<T>>, after: () => void = () => {}) => {
    setBusy(true);
    setError(null);
    const result = await fn();
    setBusy(false);
    if (result.ok) {
      after();
      router.refresh();
    } else setError(result.error);
  };
  return { busy, error, run };
}
