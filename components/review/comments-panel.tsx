"use client";
// Comment threads of a report: supervisors pin a comment to a cell (click it in the report), a narrative section or
// the whole report; the clerk and supervisors reply; supervisors resolve and reopen threads.
import { useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/components/report/form-types";
import { useActionRunner } from "@/components/ui/use-action-runner";

export interface CommentThread {
  id: number;
  target: string;
  targetLabel: string;
  body: string;
  authorName: string;
  createdAt: string;
  resolved: boolean;
  replies: { id: number; body: string; authorName: string; createdAt: string }[];
}

type Add = (input: { unitCode: string; year: number; target: string; body: string; parentId?: number }) => Promise<ActionResult<null>>;
type Resolve = (input: { unitCode: string; year: number; commentId: number; resolved: boolean }) => Promise<ActionResult<null>>;

function time(iso: string): string {
  return new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });
}

export function CommentsPanel({
  unitCode,
  year,
  threads,
  targets,
  canStart,
  canResolve,
  addComment,
  resolveComment,
}: {
  unitCode: string;
  year: number;
  threads: CommentThread[];
  targets: { value: string; label: string }[];
  canStart: boolean;
  canResolve: boolean;
  addComment: Add;
  resolveComment: Resolve;
}) {
  const [target, setTarget] = useState("report");
  const [body, setBody] = useState("");
  const [replies, setReplies] = useState<Record<number, string>>({});
  const { busy, error, run: send } = useActionRunner();
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  // Clicking a figure in the report picks it as the comment's place.
  useEffect(() => {
    if (!canStart) return;
    const onClick = (e: MouseEvent) => {
      const td = (e.target as HTMLElement).closest<HTMLElement>("article.official-report td[data-cell]");
      if (!td?.dataset.cell || td.dataset.kind === "total") return;
      setTarget(td.dataset.cell);
      bodyRef.current?.focus();
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [canStart]);

  return (
    <section id="comments" aria-labelledby="comments-title" className="rounded border border-gray-200 bg-white p-3 text-sm" data-testid="comments">
      <h2 id="comments-title" className="mb-2 font-semibold">
        批注（{threads.filter((t) => !t.resolved).length} 条未解决）
      </h2>
      {error ? (
        <p role="alert" className="mb-2 rounded bg-red-50 p-2 text-red-800">
          {error}
        </p>
      ) : null}
      <ul className="space-y-3">
        {threads.map((t) => (
          <li key={t.id} data-comment-target={t.target} className={`rounded border p-2 ${t.resolved ? "border-gray-200 opacity-70" : "border-purple-300"}`}>
            <p className="text-xs text-gray-600">
              {t.targetLabel} · {t.resolved ? "已解决" : "未解决"}
            </p>
            <p className="mt-1 whitespace-pre-wrap">{t.body}</p>
            <p className="text-xs text-gray-500">
              {t.authorName} · {time(t.createdAt)}
            </p>
            {t.replies.map((r) => (
              <div key={r.id} className="mt-2 border-l-2 border-gray-200 pl-2">
                <p className="whitespace-pre-wrap">{r.body}</p>
                <p className="text-xs text-gray-500">
                  {r.authorName} · {time(r.createdAt)}
                </p>
              </div>
            ))}
            <form
              className="mt-2 flex gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                void send(() => addComment({ unitCode, year, target: t.target, body: replies[t.id] ?? "", parentId: t.id }), () => setReplies((r) => ({ ...r, [t.id]: "" })));
              }}
            >
              <input
                aria-label={`回复：${t.body.slice(0, 20)}`}
                value={replies[t.id] ?? ""}
                onChange={(e) => setReplies((r) => ({ ...r, [t.id]: e.target.value }))}
                className="min-w-0 flex-1 rounded border border-gray-300 px-2 py-1"
                placeholder="回复…"
              />
              <button type="submit" disabled={busy || !(replies[t.id] ?? "").trim()} className="rounded border border-gray-400 px-2 disabled:opacity-50">
                回复
              </button>
              {canResolve ? (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void send(() => resolveComment({ unitCode, year, commentId: t.id, resolved: !t.resolved }), () => {})}
                  className="rounded border border-gray-400 px-2"
                >
                  {t.resolved ? "重新打开" : "标为已解决"}
                </button>
              ) : null}
            </form>
          </li>
        ))}
      </ul>
      {canStart ? (
        <form
          className="mt-3 space-y-2 border-t border-gray-200 pt-3"
          onSubmit={(e) => {
            e.preventDefault();
            void send(() => addComment({ unitCode, year, target, body }), () => setBody(""));
          }}
        >
          <label className="block">
            <span className="block font-medium">批注位置（也可点击报表中的数字）</span>
            <select value={target} onChange={(e) => setTarget(e.target.value)} className="mt-1 w-full rounded border border-gray-300 p-1" aria-label="批注位置">
              {targets.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          </label>
          <label className="block">
            <span className="block font-medium">批注内容</span>
            <textarea ref={bodyRef} rows={3} maxLength={4000} value={body} onChange={(e) => setBody(e.target.value)} className="mt-1 w-full rounded border border-gray-300 p-2" />
          </label>
          <button type="submit" disabled={busy || !body.trim()} className="rounded bg-accent px-3 py-1.5 text-white disabled:opacity-50">
            添加批注
          </button>
        </form>
      ) : null}
    </section>
  );
}
