"use client";
// Deactivate / reactivate one user, with a confirmation and an inline error.
import { useActionState } from "react";
import { setUserActiveAction } from "./actions";

export function UserActiveButton({ userId, active, name }: { userId: number; active: boolean; name: string }) {
  const [state, action, pending] = useActionState(setUserActiveAction, {});
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (active && !window.confirm(`确定停用 ${name}？停用后其登录会话立即失效。`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <button type="submit" disabled={pending} className="rounded border border-gray-300 px-2 py-0.5 text-xs hover:bg-gray-100">
        {active ? `停用 ${name}` : `启用 ${name}`}
      </button>
      {state.error ? (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
