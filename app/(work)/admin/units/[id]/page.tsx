// /admin/units/[id]: one unit: rename, kind and order; move in the tree; deactivate or reactivate; merge into a
// successor (机构改革); and its history from the audit log.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { requireRole } from "@/lib/auth/session";
import { listAuditEvents } from "@/lib/dal/audit-log";
import { isFiler, listUnitsForAdmin } from "@/lib/dal/units";
import { formatDateTime } from "@/lib/format-date";
import { mergeUnitAction, moveUnitAction, setUnitActiveAction, updateUnitAction } from "../actions";
import { filerOptions, KIND_OPTIONS, regionOptions } from "../unit-options";

export const metadata: Metadata = { title: "编辑单位" };

const section = "rounded border border-gray-200 bg-white p-4";

export default async function AdminUnitPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("admin");
  const id = Number((await params).id);
  const units = await listUnitsForAdmin(actor);
  const unit = Number.isInteger(id) ? units.find((u) => u.id === id) : undefined;
  if (!unit) notFound();
  const successor = unit.successorId ? units.find((u) => u.id === unit.successorId) : undefined;
  const predecessors = units.filter((u) => u.successorId === unit.id);
  const history = await listAuditEvents(actor, { unitId: String(unit.id) });
  const kinds = isFiler(unit.kind) ? KIND_OPTIONS.filter((k) => k.value !== "region" || units.every((u) => u.parentId !== unit.id)) : KIND_OPTIONS;
  return (
    <div className="space-y-5">
      <p className="text-sm">
        <Link href="/admin/units" className="text-accent hover:underline">
          ← 单位列表
        </Link>
      </p>
      <h1 className="text-xl font-semibold">
        {unit.name} <span className="font-mono text-base text-gray-600">{unit.code}</span>
      </h1>
      <p className="text-sm text-gray-700" data-testid="unit-state">
        {unit.kindLabel} · {successor ? `已并入 ${successor.name}` : unit.active ? "启用" : "已停用"}
        {predecessors.length ? ` · 承继自 ${predecessors.map((p) => p.name).join("、")}` : ""}
      </p>

      <section aria-labelledby="edit" className={section}>
        <h2 id="edit" className="mb-3 font-semibold">名称、类别与排序</h2>
        <ActionForm action={updateUnitAction} submitLabel="保存" label="名称、类别与排序" className="grid max-w-3xl gap-3 sm:grid-cols-3">
          <input type="hidden" name="id" value={unit.id} />
          <TextField id="edit-name" name="name" label="单位名称" required defaultValue={unit.name} hint="更名后历年年报仍属本单位" />
          <SelectField id="edit-kind" name="kind" label="类别" required options={kinds} defaultValue={unit.kind} />
          <TextField id="edit-order" name="sortOrder" label="排序" type="number" defaultValue={unit.sortOrder} />
        </ActionForm>
      </section>

      <section aria-labelledby="move" className={section}>
        <h2 id="move" className="mb-3 font-semibold">移动到其他上级单位</h2>
        <ActionForm action={moveUnitAction} submitLabel="移动" label="移动" className="flex max-w-3xl flex-wrap items-end gap-3">
          <input type="hidden" name="id" value={unit.id} />
          <SelectField
            id="move-parent"
            name="parentId"
            label="上级单位"
            options={regionOptions(units, unit.id)}
            defaultValue={unit.parentId}
            blank={unit.kind === "region" ? "（无：作为最上级区域）" : undefined}
          />
        </ActionForm>
      </section>

      {isFiler(unit.kind) && !successor ? (
        <section aria-labelledby="merge" className={section}>
          <h2 id="merge" className="mb-1 font-semibold">合并到承继单位（机构改革）</h2>
          <p className="mb-3 text-sm text-gray-600">
            本单位将停用，并记下承继单位：承继单位填报时，上年结转和同比对照沿用本单位的上年年报。本单位的其他用户（如审核员）不会自动转移，请在“用户”中调整。
          </p>
          <ActionForm action={mergeUnitAction} submitLabel="合并" confirm={`确定把“${unit.name}”并入所选单位？此操作不能撤销。`} label="合并" className="flex max-w-3xl flex-wrap items-end gap-3">
            <input type="hidden" name="id" value={unit.id} />
            <SelectField id="merge-successor" name="successorId" label="承继单位" required options={filerOptions(units, unit.id)} blank="请选择" />
            <CheckboxField
              id="merge-move-clerks"
              name="moveClerks"
              label="本单位的填报员转到承继单位"
              hint="转移后他们需重新登录，之后填报承继单位的年报"
              defaultChecked
            />
          </ActionForm>
        </section>
      ) : null}

      {!successor ? (
        <section aria-labelledby="active" className={section}>
          <h2 id="active" className="mb-1 font-semibold">{unit.active ? "停用" : "重新启用"}</h2>
          <p className="mb-3 text-sm text-gray-600">停用的单位不再需要填报、不能再分配用户；已有年报和记录全部保留。</p>
          <ActionForm
            action={setUnitActiveAction}
            submitLabel={unit.active ? "停用单位" : "启用单位"}
            confirm={unit.active ? `确定停用“${unit.name}”？` : undefined}
            label={unit.active ? "停用单位" : "启用单位"}
          >
            <input type="hidden" name="id" value={unit.id} />
            <input type="hidden" name="active" value={unit.active ? "false" : "true"} />
          </ActionForm>
        </section>
      ) : null}

      <section aria-labelledby="history" className={section}>
        <h2 id="history" className="mb-2 font-semibold">记录（最近 {history.rows.length} 条，共 {history.total} 条）</h2>
        <ul className="space-y-1 text-sm">
          {history.rows.map((e) => (
            <li key={e.id}>
              <span className="text-gray-600">{formatDateTime(e.at)}</span> {e.actorName}：{e.summary}
            </li>
          ))}
        </ul>
        <Link href={`/admin/audit?unitId=${unit.id}`} className="mt-2 inline-block text-sm text-accent hover:underline">
          在审计日志中查看全部
        </Link>
      </section>
    </div>
  );
}
