// /admin/units: the unit tree (read-only until unit management lands).
import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";
import { listUnitsForAdmin } from "@/lib/dal/units";

export const metadata: Metadata = { title: "单位" };

export default async function AdminUnitsPage() {
  const actor = await requireRole("admin");
  const units = await listUnitsForAdmin(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">单位</h1>
      <p className="text-sm text-gray-600">共 {units.length} 个单位（区域汇总其下级填报单位的年报）。</p>
      <table className="w-full border-collapse bg-white text-sm">
        <thead>
          <tr className="border-b border-gray-300 text-left">
            <th scope="col" className="px-3 py-2">名称</th>
            <th scope="col" className="px-3 py-2">代码</th>
            <th scope="col" className="px-3 py-2">类别</th>
            <th scope="col" className="px-3 py-2">状态</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.id} className="border-b border-gray-100" data-unit={u.code}>
              <th scope="row" className="px-3 py-2 text-left font-normal" style={{ paddingLeft: `${0.75 + u.depth * 1.5}rem` }}>
                {u.name}
              </th>
              <td className="px-3 py-2 font-mono">{u.code}</td>
              <td className="px-3 py-2">{u.kindLabel}</td>
              <td className="px-3 py-2">{u.active ? "启用" : "停用"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
