"use client";
// Change-password form: the policy is checked as you type (react-hook-form + zod) and again on the server.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { newPasswordSchema } from "@/lib/auth/password-policy";
import { changePasswordAction } from "./actions";

const formSchema = z
  .object({ current: z.string().min(1, "请输入当前密码"), next: newPasswordSchema, confirm: z.string() })
  .refine((v) => v.next === v.confirm, { path: ["confirm"], message: "两次输入的新密码不一致" });
type FormValues = z.infer<typeof formSchema>;

const fields: { name: keyof FormValues; label: string; autoComplete: string }[] = [
  { name: "current", label: "当前密码", autoComplete: "current-password" },
  { name: "next", label: "新密码", autoComplete: "new-password" },
  { name: "confirm", label: "确认新密码", autoComplete: "new-password" },
];

export function PasswordForm() {
  const [serverError, setServerError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({ resolver: zodResolver(formSchema), mode: "onBlur" });

  const onSubmit = handleSubmit(async (values) => {
    setServerError(null);
    const result = await changePasswordAction(values);
    if (!result.ok) {
      setServerError(result.error ?? "修改失败，请重试。");
      for (const [name, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (name === "current" || name === "next" || name === "confirm") setError(name, { message: messages[0] });
      }
      return;
    }
    setDone(true);
    window.location.assign("/");
  });

  if (done) return <p role="status">密码已修改，正在进入系统…</p>;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {serverError ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {serverError}
        </p>
      ) : null}
      {fields.map((f) => (
        <div key={f.name}>
          <label htmlFor={f.name} className="mb-1 block text-sm font-medium">
            {f.label}
          </label>
          <input
            id={f.name}
            type="password"
            autoComplete={f.autoComplete}
            aria-invalid={errors[f.name] ? true : undefined}
            aria-describedby={errors[f.name] ? `${f.name}-error` : undefined}
            className="w-full rounded border border-gray-300 px-3 py-2"
            {...register(f.name)}
          />
          {errors[f.name] ? (
            <p id={`${f.name}-error`} className="mt-1 text-sm text-red-700">
              {errors[f.name]?.message}
            </p>
          ) : null}
        </div>
      ))}
      <p className="text-xs text-gray-600">新密码至少 10 个字符，包含大写字母、小写字母、数字、符号中的至少三类。修改后，您在其他设备上的登录将失效。</p>
      <button
        type="submit"
        disabled={isSubmitting}
        className="rounded bg-accent px-4 py-2 font-medium text-white hover:bg-accent-dark disabled:opacity-60"
      >
        {isSubmitting ? "正在保存…" : "修改密码"}
      </button>
    </form>
  );
}
