"use client";
// The county report's publication: the final checklist, then the shared publish panel (sign-off, 更正说明, versions,
// portal links), bound to the region report's actions.
import type { ActionResult } from "@/components/report/form-types";
import { PublishPanel, type VersionItem } from "@/components/review/publish-panel";

type Act<T> = (input: T) => Promise<ActionResult<null>>;
interface Target {
  year: number;
  region?: string;
}

export function RegionPublish(props: {
  target: Target;
  status: "none" | "draft" | "published" | "correcting";
  lockVersion: number;
  checklist: { ok: boolean; label: string; detail?: string }[];
  signoffRequired: boolean;
  signoff: string | null;
  versions: VersionItem[];
  publish: Act<Target & { lockVersion: number; correctionNote?: string }>;
  startCorrection: Act<Target & { reason: string }>;
  recordSignoff: Act<Target & { lockVersion: number; reviewerName: string; note?: string }>;
  addLink: Act<{ publicationId: number; url: string }>;
}) {
  const blocked = props.checklist.filter((c) => !c.ok && !c.label.includes("保密审查"));
  const publishable = props.status === "draft" || props.status === "correcting";
  return (
    <div className="space-y-3">
      <section aria-labelledby="checklist-title" className="rounded border border-gray-200 bg-white p-3 text-sm" data-testid="region-checklist">
        <h2 id="checklist-title" className="mb-2 font-semibold">
          发布前检查
        </h2>
        <ul className="space-y-1">
          {props.checklist.map((c) => (
            <li key={c.label} data-ok={c.ok} className={c.ok ? "text-green-800" : "text-red-800"}>
              {c.ok ? "✓" : "✗"} {c.label}
              {c.detail ? <span className="block pl-4 text-gray-700">{c.detail}</span> : null}
            </li>
          ))}
        </ul>
      </section>
      <PublishPanel
        unitCode={props.target.region ?? ""}
        year={props.target.year}
        status={props.status === "published" ? "published" : publishable && blocked.length === 0 ? "approved" : "blocked"}
        lockVersion={props.lockVersion}
        errors={blocked.length}
        signoffRequired={props.signoffRequired}
        signoff={props.signoff}
        versions={props.versions}
        publish={(i) => props.publish({ ...props.target, lockVersion: i.lockVersion, ...(i.correctionNote ? { correctionNote: i.correctionNote } : {}) })}
        startCorrection={(i) => props.startCorrection({ ...props.target, reason: i.reason })}
        recordSignoff={(i) => props.recordSignoff({ ...props.target, lockVersion: i.lockVersion, reviewerName: i.reviewerName, ...(i.note ? { note: i.note } : {}) })}
        addLink={props.addLink}
      />
    </div>
  );
}
