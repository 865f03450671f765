// /admin/units: the unit tree with each unit's state, and the form to add a unit (editing is on the unit's page).
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { requireRole } from "@/lib/auth/session";
import { listUnitsForAdmin } from "@/lib/dal/units";
import { createUnitAction } from "./actions";
import { KIND_OPTIONS, regionOptions, rootCodes } from "./unit-options";

export const metadata: Metadata = { title: "单位" };

export default async function AdminUnitsPage() {
  const actor = await requireRole("admin");
  const units = await listUnitsForAdmin(actor);
  const roots = rootCodes(units);
  const nameOf = new Map(units.map((u) => [u.id, u.name]));
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-xl font-semibold">单位</h1>
        <p className="text-sm text-gray-600">
          共 {units.length} 个单位。区域汇总其下级填报单位的年报；填报单位（县政府办公室、乡镇、部门）各自填报。单位不会被删除：停用或合并后，其历年年报和记录仍保留。
        </p>
      </div>
      <table className="w-full border-collapse bg-white text-sm">
        <thead>
          <tr className="border-b border-gray-300 text-left">
            <th scope="col" className="px-3 py-2">名称</th>
            <th scope="col" className="px-3 py-2">代码</th>
            <th scope="col" className="px-3 py-2">类别</th>
            <th scope="col" className="px-3 py-2">排序</th>
            <th scope="col" className="px-3 py-2">状态</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.id} className={`border-b border-gray-100 ${u.active ? "" : "text-gray-500"}`} data-unit={u.code} data-root={roots.get(u.id)}>
              <th scope="row" className="px-3 py-2 text-left font-normal" style={{ paddingLeft: `${0.75 + u.depth * 1.5}rem` }}>
                <Link href={`/admin/units/${u.id}`} className="text-accent hover:underline">
                  {u.name}
                </Link>
              </th>
              <td className="px-3 py-2 font-mono">{u.code}</td>
              <td className="px-3 py-2">{u.kindLabel}</td>
              <td className="px-3 py-2">{u.sortOrder}</td>
              <td className="px-3 py-2">
                {u.successorId ? `已并入 ${nameOf.get(u.successorId) ?? ""}` : u.active ? "启用" : "停用"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="new-unit" className="rounded border border-gray-200 bg-white p-4">
        <h2 id="new-unit" className="mb-3 font-semibold">新建单位</h2>
        <ActionForm action={createUnitAction} submitLabel="新建单位" resetOnSuccess label="新建单位" className="grid max-w-3xl gap-3 sm:grid-cols-2">
          <TextField id="new-name" name="name" label="单位名称" required hint="单位全称，如 同心县教育局" />
          <TextField id="new-code" name="code" label="单位代码" required hint="小写字母、数字和连字符，如 dept-education；用于网址和数据交换，建好后不能修改" />
          <SelectField id="new-kind" name="kind" label="类别" required options={KIND_OPTIONS} defaultValue="department" />
          <SelectField id="new-parent" name="parentId" label="上级单位" options={regionOptions(units)} blank="（无：作为最上级区域）" hint="填报单位必须属于某个区域" />
          <TextField id="new-order" name="sortOrder" label="排序" type="number" defaultValue={0} hint="越小越靠前" />
        </ActionForm>
      </section>
    </div>
  );
}
