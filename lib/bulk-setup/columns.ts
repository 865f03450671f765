// The bulk set-up template: its two tables (units, users), their columns and the words accepted for kinds and roles.

export type SheetKind = "units" | "users";

export interface ColumnDef {
  key: string;
  header: string;
  required: boolean;
  hint: string;
}

export const SHEET_NAMES: Record<SheetKind, string> = { units: "单位", users: "用户" };

export const UNIT_COLUMNS = [
  { key: "code", header: "单位代码", required: true, hint: "小写字母、数字和连字符，如 dept-education；导入后不可与已有单位重复" },
  { key: "name", header: "单位名称", required: true, hint: "单位全称，如 同心县教育局" },
  { key: "kind", header: "类别", required: true, hint: "区域 / 县政府办公室 / 乡镇 / 部门" },
  { key: "parent", header: "上级单位代码", required: false, hint: "填报单位必填：已有区域或本表中区域的代码；最上级区域留空" },
  { key: "order", header: "排序", required: false, hint: "0–9999 的整数，越小越靠前；可留空" },
] as const satisfies readonly ColumnDef[];

export const USER_COLUMNS = [
  { key: "username", header: "用户名", required: true, hint: "字母、数字、点、下划线、连字符，不区分大小写，不可重复" },
  { key: "displayName", header: "姓名", required: true, hint: "如 张三" },
  { key: "role", header: "角色", required: true, hint: "填报员 / 审核员 / 管理员" },
  { key: "unit", header: "所在单位代码", required: false, hint: "填报员必填（填报单位）；审核员可填其所在单位" },
  { key: "region", header: "审核范围代码", required: false, hint: "审核员必填：区域代码，审核其下全部填报单位" },
  { key: "phone", header: "电话", required: false, hint: "可留空" },
  { key: "password", header: "初始密码", required: false, hint: "可留空：留空则自动生成并在导入后显示一次；首次登录须修改" },
] as const satisfies readonly ColumnDef[];

export type UnitColumnKey = (typeof UNIT_COLUMNS)[number]["key"];
export type UserColumnKey = (typeof USER_COLUMNS)[number]["key"];

export function columnsOf(kind: SheetKind): readonly ColumnDef[] {
  return kind === "units" ? UNIT_COLUMNS : USER_COLUMNS;
}

/** The words a county office may type for a kind: the labels shown in the app, common variants and the codes. */
const KIND_WORDS: Record<string, "region" | "gov_office" | "township" | "department"> = {
  区域: "region",
  县: "region",
  region: "region",
  县政府办公室: "gov_office",
  政府办公室: "gov_office",
  gov_office: "gov_office",
  乡镇: "township",
  "乡镇/管委会": "township",
  管委会: "township",
  township: "township",
  部门: "department",
  department: "department",
};

export function parseUnitKind(text: string) {
  return KIND_WORDS[text.trim()] ?? KIND_WORDS[text.trim().toLowerCase()] ?? null;
}

const ROLE_WORDS: Record<string, "clerk" | "supervisor" | "admin"> = {
  填报员: "clerk",
  clerk: "clerk",
  审核员: "supervisor",
  supervisor: "supervisor",
  管理员: "admin",
  admin: "admin",
};

export function parseRole(text: string) {
  return ROLE_WORDS[text.trim()] ?? ROLE_WORDS[text.trim().toLowerCase()] ?? null;
}
