// /admin/import: bulk set-up of units and users from the downloadable template, with a dry run.
import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";
import { UNIT_COLUMNS, USER_COLUMNS } from "@/lib/bulk-setup/columns";
import { SetupUpload } from "./setup-upload";

export const metadata: Metadata = { title: "批量导入" };

export default async function AdminImportPage() {
  await requireRole("admin");
  return (
    <div className="space-y-5">
      <h1 className="text-xl font-semibold">批量导入单位和用户</h1>
      <section aria-labelledby="steps" className="rounded border border-gray-200 bg-white p-4 text-sm">
        <h2 id="steps" className="mb-2 font-semibold">步骤</h2>
        <ol className="list-decimal space-y-1 pl-5">
          <li>
            下载模板：<a href="/api/admin/import/template?format=xlsx" className="text-accent hover:underline">Excel 模板（单位和用户两张表）</a>，或 CSV 模板：
            <a href="/api/admin/import/template?format=csv&kind=units" className="ml-1 text-accent hover:underline">单位</a>、
            <a href="/api/admin/import/template?format=csv&kind=users" className="text-accent hover:underline">用户</a>。
          </li>
          <li>从第 2 行起逐行填写，第 1 行表头不要改动。单位表中的上级单位可以是已有单位，也可以是本表中的区域。</li>
          <li>上传后先“试导入”：系统逐行检查并列出每处错误（行号、列名和改正方法），不写入任何内容。</li>
          <li>没有错误后点击“导入”：全部单位和用户一次写入；只要有一行有错，就一条也不写入。</li>
        </ol>
      </section>
      <section aria-labelledby="upload" className="rounded border border-gray-200 bg-white p-4">
        <h2 id="upload" className="mb-3 font-semibold">上传</h2>
        <SetupUpload />
      </section>
      <section aria-labelledby="columns" className="rounded border border-gray-200 bg-white p-4 text-sm">
        <h2 id="columns" className="mb-2 font-semibold">各列说明</h2>
        {[
          { title: "单位", columns: UNIT_COLUMNS },
          { title: "用户", columns: USER_COLUMNS },
        ].map((t) => (
          <table key={t.title} className="mb-3 w-full border-collapse">
            <caption className="text-left font-medium">{t.title}</caption>
            <tbody>
              {t.columns.map((c) => (
                <tr key={c.key} className="border-b border-gray-100">
                  <th scope="row" className="w-32 px-2 py-1 text-left font-normal">
                    {c.header}
                    {c.required ? <span className="text-red-700"> *</span> : null}
                  </th>
                  <td className="px-2 py-1 text-gray-700">{c.hint}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </section>
    </div>
  );
}
