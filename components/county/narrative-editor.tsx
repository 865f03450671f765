"use client";
// The region report's text sections: one editor per section with 插入数字 (a live reference to a county cell, shown
// with its current value in the preview and the official layout) and each included unit's same section beside it
// for reference and quoting. Saved together, refused if the report changed meanwhile (lock_version).
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { NarrativeText } from "@/components/report/narrative-text";
import { cellRefToken, getFormat, substituteCellRefs, type FormatVersion, type NarrativeId } from "@/lib/report-format";
import type { RegionTarget, SaveNarrativesAction } from "./types";

export interface UnitText {
  code: string;
  name: string;
  kindLabel: string;
  narratives: Partial<Record<NarrativeId, string>>;
}

interface Shared {
  formatVersion: FormatVersion;
  cells: { value: string; label: string }[];
  values: Record<string, string | null>;
  units: UnitText[];
}

function SectionEditor({ id, title, text, onChange, shared }: { id: NarrativeId; title: string; text: string; onChange: (t: string) => void; shared: Shared }) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [cell, setCell] = useState(shared.cells[0]?.value ?? "");
  const [unit, setUnit] = useState(shared.units[0]?.code ?? "");
  const insert = (piece: string) => {
    const el = area.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    onChange(text.slice(0, start) + piece + text.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + piece.length, start + piece.length);
    });
  };
  const reference = shared.units.find((u) => u.code === unit)?.narratives[id] ?? "";
  const format = getFormat(shared.formatVersion);
  return (
    <fieldset className="rounded border border-gray-200 p-3" data-narrative={id}>
      <legend className="px-1 font-medium">{title}</legend>
      <div className="grid gap-3 lg:grid-cols-2">
        <div className="space-y-2">
          <label className="block">
            <span className="sr-only">{title}</span>
            <textarea ref={area} rows={8} value={text} onChange={(e) => onChange(e.target.value)} aria-label={`${title} 正文`} className="w-full rounded border border-gray-300 p-2" />
          </label>
          <div className="flex flex-wrap items-center gap-2">
            <select value={cell} onChange={(e) => setCell(e.target.value)} aria-label={`${title} 插入数字：选择单元格`} className="min-w-0 flex-1 rounded border border-gray-300 p-1">
              {shared.cells.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}（{shared.values[c.value] ?? "空"}）
                </option>
              ))}
            </select>
            <button type="button" onClick={() => insert(cellRefToken(cell))} className="rounded border border-accent px-2 py-1 text-accent">
              插入数字
            </button>
          </div>
          <div className="rounded bg-gray-50 p-2" data-testid={`preview-${id}`}>
            <p className="mb-1 text-xs text-gray-600">预览（数字随汇总表变化）</p>
            <NarrativeText text={substituteCellRefs(format, text, shared.values)} />
          </div>
        </div>
        <div className="space-y-2">
          <label className="block">
            <span className="block text-xs text-gray-600">参考各单位的本部分内容</span>
            <select value={unit} onChange={(e) => setUnit(e.target.value)} aria-label={`${title} 参考单位`} className="w-full rounded border border-gray-300 p-1">
              {shared.units.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.name}（{u.kindLabel}）
                </option>
              ))}
            </select>
          </label>
          <div className="max-h-64 overflow-auto rounded border border-gray-200 p-2 text-sm" data-testid={`reference-${id}`}>
            <NarrativeText text={reference} emptyText="（该单位本部分未填写）" />
          </div>
          <button type="button" disabled={!reference.trim()} onClick={() => insert(reference)} className="rounded border border-gray-400 px-2 py-1 disabled:opacity-50">
            引用到正文
          </button>
        </div>
      </div>
    </fieldset>
  );
}

export function RegionNarrativeEditor({
  target,
  lockVersion,
  sections,
  initial,
  shared,
  canEdit,
  save,
}: {
  target: RegionTarget;
  lockVersion: number;
  sections: { id: NarrativeId; title: string }[];
  initial: Partial<Record<NarrativeId, string>>;
  shared: Shared;
  canEdit: boolean;
  save: SaveNarrativesAction;
}) {
  const router = useRouter();
  const [texts, setTexts] = useState<Partial<Record<NarrativeId, string>>>(initial);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const dirty = sections.some((s) => (texts[s.id] ?? "") !== (initial[s.id] ?? ""));
  return (
    <section aria-labelledby="narratives-title" className="space-y-3 rounded border border-gray-200 bg-white p-3 text-sm" data-testid="region-narratives">
      <h2 id="narratives-title" className="font-semibold">
        汇总报告文字
      </h2>
      <p className="text-gray-700">“插入数字”插入的是对汇总表单元格的引用（如 {cellRefToken("applications.new_received.total")}），显示时换成汇总数，重新汇总后自动跟随，文字不会与表格不一致。</p>
      {sections.map((s) => (
        <SectionEditor key={s.id} id={s.id} title={s.title} text={texts[s.id] ?? ""} onChange={(t) => setTexts((all) => ({ ...all, [s.id]: t }))} shared={shared} />
      ))}
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-green-800" : "rounded bg-red-50 p-2 text-red-800"}>
          {message.text}
        </p>
      ) : null}
      {canEdit ? (
        <button
          type="button"
          disabled={busy || !dirty}
          onClick={async () => {
            setBusy(true);
            setMessage(null);
            const narratives = Object.fromEntries(sections.map((s) => [s.id, texts[s.id] ?? ""]));
            const result = await save({ ...target, lockVersion, narratives });
            setBusy(false);
            if (result.ok) {
              setMessage({ ok: true, text: "已保存。" });
              router.refresh();
            } else setMessage({ ok: false, text: result.error });
          }}
          className="rounded bg-accent px-3 py-1.5 font-medium text-white disabled:opacity-50"
        >
          保存文字
        </button>
      ) : null}
    </section>
  );
}
