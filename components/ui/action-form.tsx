"use client";
// A form posting to a server action with an inline result: the error (and each field's) as an alert, a success
// message as a status, and a secret shown once (a generated password). Input is kept when the action fails.
import { startTransition, useActionState, useEffect, useRef } from "react";

export interface FormState {
  ok?: boolean;
  error?: string;
  fieldErrors?: Record<string, string[]>;
  message?: string;
  /** Shown once, e.g. a generated initial password. */
  secret?: { label: string; value: string };
  /** Changes on every completed submission so a success can reset the form. */
  at?: number;
}

export type FormAction = (prev: FormState, formData: FormData) => Promise<FormState>;

interface Props {
  action: FormAction;
  submitLabel: string;
  pendingLabel?: string;
  /** Asked with window.confirm before submitting. */
  confirm?: string;
  /** Clear the fields after a success (creation forms). */
  resetOnSuccess?: boolean;
  className?: string;
  buttonClassName?: string;
  /** Accessible name of the form. */
  label?: string;
  children?: React.ReactNode;
}

const FIELD_NAMES: Record<string, string> = {
  code: "单位代码",
  name: "单位名称",
  kind: "类别",
  parentId: "上级单位",
  sortOrder: "排序",
  successorId: "承继单位",
  username: "用户名",
  displayName: "姓名",
  role: "角色",
  unitId: "所在单位",
  regionId: "审核范围",
  phone: "电话",
  password: "初始密码",
  year: "年度",
  formatVersion: "报告格式",
  unitDeadline: "单位报送截止日期",
  countyDeadline: "全县汇总截止日期",
  reason: "原因",
};

export function ActionForm({ action, submitLabel, pendingLabel, confirm, resetOnSuccess, className, buttonClassName, label, children }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok && resetOnSuccess) ref.current?.reset();
  }, [state, resetOnSuccess]);
  const fieldLines = Object.entries(state.fieldErrors ?? {}).filter(([, messages]) => messages.length > 0);
  return (
    <form
      ref={ref}
      aria-label={label}
      className={className ?? "space-y-3"}
      onSubmit={(e) => {
        e.preventDefault();
        if (confirm && !window.confirm(confirm)) return;
        const data = new FormData(e.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      {children}
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="submit"
          disabled={pending}
          className={buttonClassName ?? "rounded bg-accent px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-dark disabled:opacity-60"}
        >
          {pending ? (pendingLabel ?? "正在保存…") : submitLabel}
        </button>
        {state.error ? (
          <div role="alert" className="rounded border border-red-300 bg-red-50 px-2 py-1 text-sm text-red-800">
            <p>{state.error}</p>
            {fieldLines.length > 1 ? (
              <ul className="list-disc pl-5">
                {fieldLines.map(([field, messages]) => (
                  <li key={field}>
                    {FIELD_NAMES[field] ?? field}：{messages.join("；")}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {state.ok && state.message ? (
          <p role="status" className="text-sm text-green-800">
            {state.message}
          </p>
        ) : null}
      </div>
      {state.ok && state.secret ? (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="secret">
          {state.secret.label}：<code className="select-all font-mono text-base">{state.secret.value}</code>
          <br />
          只显示这一次，请现在抄下并当面或通过安全渠道交给本人；首次登录时须修改。
        </p>
      ) : null}
    </form>
  );
}
