"use client";
// Publishing an approved report (with the year's 保密审查 sign-off when required and a 更正说明 for a correction),
// starting a correction of a published one, the published versions and their portal links (网址回填).
import { useState } from "react";
import type { ActionResult } from "@/components/report/form-types";
import { useActionRunner } from "@/components/ui/use-action-runner";

type Act<T> = (input: T) => Promise<ActionResult<null>>;

export interface VersionItem {
  id: number;
  version: number;
  publishedAt: string;
  publisherName: string;
  correctionNote: string | null;
  contentHash: string;
  signoff: string | null;
  links: string[];
}

export function PublishPanel(props: {
  unitCode: string;
  year: number;
  status: string;
  lockVersion: number;
  errors: number;
  signoffRequired: boolean;
  signoff: string | null;
  versions: VersionItem[];
  publish: Act<{ unitCode: string; year: number; lockVersion: number; correctionNote?: string }>;
  startCorrection: Act<{ unitCode: string; year: number; reason: string }>;
  recordSignoff: Act<{ unitCode: string; year: number; lockVersion: number; reviewerName: string; note?: string }>;
  addLink: Act<{ publicationId: number; url: string }>;
}) {
  const { unitCode, year, lockVersion } = props;
  const { busy, error, run: go } = useActionRunner();
  const [note, setNote] = useState("");
  const [reviewer, setReviewer] = useState("");
  const [reviewNote, setReviewNote] = useState("");
  const [reason, setReason] = useState("");
  const [links, setLinks] = useState<Record<number, string>>({});
  const correction = props.versions.length > 0;

  return (
    <section aria-labelledby="publish-title" className="rounded border border-gray-200 bg-white p-3 text-sm" data-testid="publish-panel">
      <h2 id="publish-title" className="mb-2 font-semibold">
        发布
      </h2>
      {props.status === "approved" ? (
        <div className="space-y-2">
          {props.signoffRequired ? (
            props.signoff ? (
              <p className="text-green-800">已完成保密审查：{props.signoff}</p>
            ) : (
              <form
                className="space-y-2 rounded bg-amber-50 p-2"
                onSubmit={(e) => {
                  e.preventDefault();
                  void go(() => props.recordSignoff({ unitCode, year, lockVersion, reviewerName: reviewer, note: reviewNote || undefined }));
                }}
              >
                <p className="text-amber-900">本年度发布前须完成保密审查（三级审核）。</p>
                <label className="block">
                  <span className="block">审查人</span>
                  <input required value={reviewer} onChange={(e) => setReviewer(e.target.value)} className="w-full rounded border border-gray-300 p-1" />
                </label>
                <label className="block">
                  <span className="block">审查意见</span>
                  <input value={reviewNote} onChange={(e) => setReviewNote(e.target.value)} className="w-full rounded border border-gray-300 p-1" />
                </label>
                <button type="submit" disabled={busy} className="rounded border border-amber-700 px-2 py-1">
                  记录保密审查
                </button>
              </form>
            )
          ) : null}
          {correction ? (
            <label className="block">
              <span className="block font-medium">更正说明（公开显示在更正版本上）</span>
              <textarea required rows={3} value={note} onChange={(e) => setNote(e.target.value)} className="mt-1 w-full rounded border border-gray-300 p-2" />
            </label>
          ) : null}
          <button
            type="button"
            disabled={busy || props.errors > 0 || (props.signoffRequired && !props.signoff) || (correction && !note.trim())}
            onClick={() => void go(() => props.publish({ unitCode, year, lockVersion, ...(correction ? { correctionNote: note } : {}) }))}
            className="rounded bg-green-900 px-3 py-1.5 font-medium text-white disabled:opacity-50"
          >
            {correction ? `发布更正版本 v${props.versions.length + 1}` : "发布"}
          </button>
        </div>
      ) : null}
      {props.status === "published" ? (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            void go(() => props.startCorrection({ unitCode, year, reason }), () => setReason(""));
          }}
        >
          <label className="block">
            <span className="block font-medium">更正原因（启动更正后填报员可修改，公众仍看到已发布版本）</span>
            <textarea required minLength={2} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} className="mt-1 w-full rounded border border-gray-300 p-2" />
          </label>
          <button type="submit" disabled={busy || reason.trim().length < 2} className="rounded border border-gray-500 px-3 py-1.5 disabled:opacity-50">
            启动更正
          </button>
        </form>
      ) : null}
      {props.versions.length ? (
        <ol className="mt-3 space-y-2" data-testid="versions">
          {props.versions.map((v) => (
            <li key={v.id} className="rounded border border-gray-200 p-2" data-version={v.version}>
              <p className="font-medium">
                v{v.version} · {v.publishedAt} · {v.publisherName}
              </p>
              {v.correctionNote ? <p>更正说明：{v.correctionNote}</p> : null}
              {v.signoff ? <p className="text-gray-600">保密审查：{v.signoff}</p> : null}
              <p className="break-all font-mono text-xs text-gray-500">SHA-256 {v.contentHash}</p>
              {v.links.map((l) => (
                <p key={l} className="break-all text-xs">
                  门户网站：{l}
                </p>
              ))}
              {props.status === "readonly" ? null : (
              <form
                className="mt-1 flex gap-1"
                onSubmit={(e) => {
                  e.preventDefault();
                  void go(() => props.addLink({ publicationId: v.id, url: links[v.id] ?? "" }), () => setLinks((x) => ({ ...x, [v.id]: "" })));
                }}
              >
                <input
                  aria-label={`v${v.version} 的门户网站网址`}
                  placeholder="https://…"
                  value={links[v.id] ?? ""}
                  onChange={(e) => setLinks((x) => ({ ...x, [v.id]: e.target.value }))}
                  className="min-w-0 flex-1 rounded border border-gray-300 px-1"
                />
                <button type="submit" disabled={busy || !(links[v.id] ?? "").trim()} className="rounded border border-gray-400 px-2 disabled:opacity-50">
                  回填网址
                </button>
              </form>
              )}
            </li>
          ))}
        </ol>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 rounded bg-red-50 p-2 text-red-800">
          {error}
        </p>
      ) : null}
    </section>
  );
}
