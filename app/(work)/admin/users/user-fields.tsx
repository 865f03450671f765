// The role and assignment fields shared by the create and edit forms (unit for clerks, region for supervisors).
import { SelectField, TextField } from "@/components/ui/field";
import type { UnitDto } from "@/lib/dal/units";
import { filerOptions, regionOptions } from "../units/unit-options";

export const ROLE_OPTIONS = [
  { value: "clerk", label: "填报员（填报本单位年报）" },
  { value: "supervisor", label: "审核员（审核所辖区域各单位）" },
  { value: "admin", label: "管理员（单位、用户、年度、审计）" },
];

interface Props {
  prefix: string;
  units: UnitDto[];
  values?: { displayName: string; role: string; unitId: number | null; regionId: number | null; phone: string | null };
}

export function UserAssignmentFields({ prefix, units, values }: Props) {
  const unitOptions = [...filerOptions(units), ...units.filter((u) => u.kind === "region" && u.active).map((u) => ({ value: String(u.id), label: `${u.name}（区域）` }))];
  return (
    <>
      <TextField id={`${prefix}-display`} name="displayName" label="姓名" required defaultValue={values?.displayName} />
      <SelectField id={`${prefix}-role`} name="role" label="角色" required options={ROLE_OPTIONS} defaultValue={values?.role ?? "clerk"} />
      <SelectField id={`${prefix}-unit`} name="unitId" label="所在单位" options={unitOptions} defaultValue={values?.unitId} blank="（无）" hint="填报员必选（其填报的单位）；审核员可选" />
      <SelectField id={`${prefix}-region`} name="regionId" label="审核范围" options={regionOptions(units)} defaultValue={values?.regionId} blank="（无）" hint="审核员必选：审核该区域下的全部填报单位" />
      <TextField id={`${prefix}-phone`} name="phone" label="电话" type="tel" defaultValue={values?.phone} hint="催报时供审核员联系，可留空" />
    </>
  );
}
