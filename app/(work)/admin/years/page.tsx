// /admin/years: open a reporting year (format, deadlines, sign-off), change deadlines and sign-off, close or reopen.
import type { Metadata } from "next";
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { requireRole } from "@/lib/auth/session";
import { listYears } from "@/lib/dal/years";
import { formatLocalDate } from "@/lib/format-date";
import { closeYearAction, openYearAction, reopenYearAction, updateYearAction } from "./actions";

export const metadata: Metadata = { title: "年度" };

const FORMAT_OPTIONS = [
  { value: "", label: "按年度自动（2019–2020 年度用 2019 年版，2021 年度起用 2021 年版）" },
  { value: "2021", label: "2021 年版（国办公开办函〔2021〕30号）" },
  { value: "2019", label: "2019 年版（国办公开办函〔2019〕60号）" },
];
const small = "rounded border border-gray-300 px-2 py-1 text-sm hover:bg-gray-100";

export default async function AdminYearsPage() {
  await requireRole("admin");
  const years = await listYears();
  const next = (years[0]?.year ?? new Date().getFullYear() - 1) + 1;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-xl font-semibold">年度</h1>
        <p className="text-sm text-gray-600">
          填报员填写最近一个开放的年度。关闭年度后，该年度的年报只读，只能由审核员启动更正（须写明更正说明）。
        </p>
      </div>
      <div className="space-y-3">
        {years.map((y) => (
          <section key={y.year} aria-labelledby={`year-${y.year}`} className="rounded border border-gray-200 bg-white p-4" data-year={y.year}>
            <div className="mb-2 flex flex-wrap items-center gap-3">
              <h2 id={`year-${y.year}`} className="font-semibold">
                {y.year} 年度
              </h2>
              <span className={`rounded px-2 py-0.5 text-xs ${y.status === "open" ? "bg-blue-100 text-blue-900" : "bg-gray-200 text-gray-800"}`} data-testid="year-status">
                {y.status === "open" ? "填报中" : "已关闭"}
              </span>
              <span className="text-sm text-gray-600">
                {y.formatVersion} 年版格式 · 单位截止 {formatLocalDate(y.unitDeadline)} · 汇总截止 {formatLocalDate(y.countyDeadline)} ·{" "}
                {y.signoffRequired ? "发布前需保密审查" : "无需保密审查"}
              </span>
            </div>
            <div className="flex flex-wrap items-end gap-6">
              <ActionForm action={updateYearAction} submitLabel="保存" label={`修改 ${y.year} 年度`} className="flex flex-wrap items-end gap-3">
                <input type="hidden" name="year" value={y.year} />
                <TextField id={`unit-${y.year}`} name="unitDeadline" label="单位报送截止" type="date" required defaultValue={y.unitDeadline} />
                <TextField id={`county-${y.year}`} name="countyDeadline" label="全县汇总截止" type="date" required defaultValue={y.countyDeadline} />
                <CheckboxField id={`signoff-${y.year}`} name="signoffRequired" label="发布前需保密审查" defaultChecked={y.signoffRequired} />
              </ActionForm>
              {y.status === "open" ? (
                <ActionForm
                  action={closeYearAction}
                  submitLabel={`关闭 ${y.year} 年度`}
                  confirm={`确定关闭 ${y.year} 年度？关闭后该年度年报只读，只能更正。`}
                  label={`关闭 ${y.year} 年度`}
                  buttonClassName={small}
                >
                  <input type="hidden" name="year" value={y.year} />
                </ActionForm>
              ) : (
                <ActionForm action={reopenYearAction} submitLabel={`重新开放 ${y.year} 年度`} label={`重新开放 ${y.year} 年度`} buttonClassName={small} className="flex flex-wrap items-end gap-3">
                  <input type="hidden" name="year" value={y.year} />
                  <TextField id={`reason-${y.year}`} name="reason" label="重新开放的原因" required />
                </ActionForm>
              )}
            </div>
          </section>
        ))}
      </div>
      <section aria-labelledby="open-year" className="rounded border border-gray-200 bg-white p-4">
        <h2 id="open-year" className="mb-3 font-semibold">开放新年度</h2>
        <ActionForm action={openYearAction} submitLabel="开放年度" label="开放新年度" className="grid max-w-3xl gap-3 sm:grid-cols-2">
          <TextField id="open-year-number" name="year" label="年度" type="number" required defaultValue={next} />
          <SelectField id="open-format" name="formatVersion" label="报告格式" options={FORMAT_OPTIONS} defaultValue="" />
          <TextField id="open-unit" name="unitDeadline" label="单位报送截止" type="date" required defaultValue={`${next + 1}-01-31`} />
          <TextField id="open-county" name="countyDeadline" label="全县汇总截止" type="date" required defaultValue={`${next + 1}-02-20`} />
          <CheckboxField id="open-signoff" name="signoffRequired" label="发布前需保密审查" hint="县级汇总年报发布前须经保密审查签批" />
        </ActionForm>
      </section>
    </div>
  );
}
