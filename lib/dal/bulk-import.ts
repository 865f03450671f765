// Bulk set-up: checks every row of an uploaded units/users file against the template and the database, and creates
// them all in one transaction only when no row has an error. A dry run checks and lists without writing anything.
import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { units, users } from "@/db/schema";
import { generatePassword } from "@/lib/auth/generate-password";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblems } from "@/lib/auth/password-policy";
import { type Actor, ROLE_LABELS, type Role } from "@/lib/auth/policy";
import { parseRole, parseUnitKind, SHEET_NAMES, UNIT_COLUMNS, USER_COLUMNS, type SheetKind } from "@/lib/bulk-setup/columns";
import type { SetupTables } from "@/lib/bulk-setup/read";
import { ConflictError, ValidationError } from "@/lib/errors";
import { assertAdmin } from "./admin-guard";
import { recordAudit } from "./audit";
import { unitCodeSchema, unitNameSchema } from "./unit-admin";
import { displayNameSchema, usernameSchema } from "./user-admin";
import { isFiler, UNIT_KIND_LABELS, type UnitKind } from "./units";

export const MAX_SETUP_ROWS = 2000;

export interface RowError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}
interface PlannedUnit {
  row: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  sortOrder: number;
}
interface PlannedUser {
  row: number;
  username: string;
  displayName: string;
  role: Role;
  unitCode: string | null;
  regionCode: string | null;
  phone: string | null;
  password: string | null;
}
export interface BulkResult {
  applied: boolean;
  errors: RowError[];
  units: { code: string; name: string; kindLabel: string; parentCode: string | null }[];
  users: { username: string; displayName: string; roleLabel: string; unitCode: string | null; regionCode: string | null }[];
  /** Generated initial passwords, shown once after applying. */
  passwords: { username: string; password: string }[];
}

type Existing = Map<string, { id: number; name: string; kind: UnitKind; active: boolean }>;

const header = (kind: SheetKind, key: string) => (kind === "units" ? UNIT_COLUMNS : USER_COLUMNS).find((c) => c.key === key)!.header;

function check(tables: SetupTables, existingUnits: Existing, existingUsers: Set<string>) {
  const errors: RowError[] = [];
  const err = (kind: SheetKind, row: number, key: string, message: string) => errors.push({ sheet: SHEET_NAMES[kind], row, column: header(kind, key), message });
  const plannedUnits: PlannedUnit[] = [];
  const fileUnits = new Map<string, PlannedUnit>();
  for (const { row, cells } of tables.units) {
    const code = unitCodeSchema.safeParse(cells.code ?? "");
    const name = unitNameSchema.safeParse(cells.name ?? "");
    const kind = parseUnitKind(cells.kind ?? "");
    const orderText = cells.order ?? "";
    const order = orderText === "" ? 0 : /^\d{1,4}$/.test(orderText) ? Number(orderText) : null;
    if (!code.success) err("units", row, "code", code.error.issues[0]!.message);
    else if (fileUnits.has(code.data)) err("units", row, "code", `单位代码 ${code.data} 与第 ${fileUnits.get(code.data)!.row} 行重复`);
    else if (existingUnits.has(code.data)) err("units", row, "code", `单位代码 ${code.data} 已被已有单位“${existingUnits.get(code.data)!.name}”使用，请换一个代码或删去此行`);
    if (!name.success) err("units", row, "name", name.error.issues[0]!.message);
    if (!kind) err("units", row, "kind", `类别“${cells.kind ?? ""}”无法识别，应为 区域、县政府办公室、乡镇 或 部门`);
    if (order === null) err("units", row, "order", "排序应为 0–9999 的整数，或留空");
    if (code.success && !fileUnits.has(code.data)) {
      const planned = { row, code: code.data, name: name.success ? name.data : "", kind: kind ?? "department", parentCode: (cells.parent ?? "").toLowerCase() || null, sortOrder: order ?? 0 };
      fileUnits.set(code.data, planned);
      if (kind) plannedUnits.push(planned);
    }
  }
  for (const u of plannedUnits) {
    if (u.parentCode === null) {
      if (isFiler(u.kind)) err("units", u.row, "parent", "填报单位必须填写上级单位代码（其所属区域）");
      continue;
    }
    const parent = fileUnits.get(u.parentCode) ?? existingUnits.get(u.parentCode);
    if (!parent) err("units", u.row, "parent", `上级单位代码 ${u.parentCode} 不存在：既不是已有单位，也不在本表中`);
    else if (isFiler(parent.kind)) err("units", u.row, "parent", `上级单位 ${u.parentCode} 是填报单位，填报单位下不能设下级；请填写区域的代码`);
    else if ("active" in parent && !parent.active) err("units", u.row, "parent", `上级单位 ${u.parentCode} 已停用`);
    else {
      const seen = new Set([u.code]);
      for (let at = fileUnits.get(u.parentCode); at; at = at.parentCode ? fileUnits.get(at.parentCode) : undefined) {
        if (seen.has(at.code)) {
          err("units", u.row, "parent", "上级关系形成循环（某单位直接或间接成了自己的上级）");
          break;
        }
        seen.add(at.code);
      }
    }
  }

  const plannedUsers: PlannedUser[] = [];
  const fileUsernames = new Map<string, number>();
  const unitLookup = (code: string) => fileUnits.get(code) ?? existingUnits.get(code);
  for (const { row, cells } of tables.users) {
    const username = usernameSchema.safeParse(cells.username ?? "");
    const displayName = displayNameSchema.safeParse(cells.displayName ?? "");
    const role = parseRole(cells.role ?? "");
    if (!username.success) err("users", row, "username", username.error.issues[0]!.message);
    else {
      const key = username.data.toLowerCase();
      if (fileUsernames.has(key)) err("users", row, "username", `用户名 ${username.data} 与第 ${fileUsernames.get(key)} 行重复（不区分大小写）`);
      else if (existingUsers.has(key)) err("users", row, "username", `用户名 ${username.data} 已存在（不区分大小写），请换一个或删去此行`);
      fileUsernames.set(key, fileUsernames.get(key) ?? row);
    }
    if (!displayName.success) err("users", row, "displayName", displayName.error.issues[0]!.message);
    if (!role) err("users", row, "role", `角色“${cells.role ?? ""}”无法识别，应为 填报员、审核员 或 管理员`);
    const unitCode = (cells.unit ?? "").toLowerCase() || null;
    const regionCode = (cells.region ?? "").toLowerCase() || null;
    const unit = unitCode ? unitLookup(unitCode) : undefined;
    const region = regionCode ? unitLookup(regionCode) : undefined;
    if (unitCode && !unit) err("users", row, "unit", `单位代码 ${unitCode} 不存在：既不是已有单位，也不在单位表中`);
    if (regionCode && !region) err("users", row, "region", `区域代码 ${regionCode} 不存在：既不是已有单位，也不在单位表中`);
    if (role === "clerk") {
      if (!unitCode) err("users", row, "unit", "填报员必须填写所在单位代码（一个填报单位）");
      else if (unit && !isFiler(unit.kind)) err("users", row, "unit", `${unitCode} 是区域，填报员须属于填报单位`);
      else if (unit && "active" in unit && !unit.active) err("users", row, "unit", `单位 ${unitCode} 已停用`);
    }
    if (role === "supervisor") {
      if (!regionCode) err("users", row, "region", "审核员必须填写审核范围代码（一个区域）");
      else if (region && isFiler(region.kind)) err("users", row, "region", `${regionCode} 是填报单位，审核范围须为区域`);
      else if (region && "active" in region && !region.active) err("users", row, "region", `区域 ${regionCode} 已停用`);
    }
    const phone = cells.phone ?? "";
    if (phone.length > 30) err("users", row, "phone", "电话不能超过 30 个字符");
    const password = cells.password ?? "";
    if (password) for (const p of passwordProblems(password)) err("users", row, "password", `${p}；或留空自动生成`);
    if (username.success && displayName.success && role) {
      plannedUsers.push({
        row,
        username: username.data,
        displayName: displayName.data,
        role,
        unitCode: role === "admin" ? null : unitCode,
        regionCode: role === "supervisor" ? regionCode : null,
        phone: phone || null,
        password: password || null,
      });
    }
  }
  errors.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === SHEET_NAMES.units ? -1 : 1));
  return { errors, plannedUnits, plannedUsers };
}

async function loadExisting(db: Db | Tx): Promise<{ existingUnits: Existing; existingUsers: Set<string> }> {
  const unitRows = await db.select({ id: units.id, code: units.code, name: units.name, kind: units.kind, active: units.active }).from(units);
  const userRows = await db.select({ name: sql<string>`lower(${users.username})` }).from(users);
  return { existingUnits: new Map(unitRows.map((u) => [u.code, u])), existingUsers: new Set(userRows.map((u) => u.name)) };
}

/** Parents before children, so every parent id exists when its child is inserted. */
function parentsFirst(list: PlannedUnit[]): PlannedUnit[] {
  const byCode = new Map(list.map((u) => [u.code, u]));
  const depth = (u: PlannedUnit): number => (u.parentCode && byCode.has(u.parentCode) ? 1 + depth(byCode.get(u.parentCode)!) : 0);
  return [...list].sort((a, b) => depth(a) - depth(b) || a.row - b.row);
}

export async function runBulkImport(actor: Actor, tables: SetupTables, mode: "dry-run" | "apply"): Promise<BulkResult> {
  assertAdmin(actor);
  if (tables.units.length + tables.users.length === 0) throw new ValidationError("文件中没有数据行：请在表头下方逐行填写单位或用户。");
  if (tables.units.length > MAX_SETUP_ROWS || tables.users.length > MAX_SETUP_ROWS) throw new ValidationError(`每张表最多 ${MAX_SETUP_ROWS} 行，请分批导入。`);
  const db = await getDb();
  const before = await loadExisting(db);
  const first = check(tables, before.existingUnits, before.existingUsers);
  const result: BulkResult = {
    applied: false,
    errors: first.errors,
    units: first.plannedUnits.map((u) => ({ code: u.code, name: u.name, kindLabel: UNIT_KIND_LABELS[u.kind], parentCode: u.parentCode })),
    users: first.plannedUsers.map((u) => ({ username: u.username, displayName: u.displayName, roleLabel: ROLE_LABELS[u.role], unitCode: u.unitCode, regionCode: u.regionCode })),
    passwords: [],
  };
  if (mode === "dry-run" || first.errors.length) return result;

  // Hash outside the transaction: argon2 takes a while per password and must not hold the locks.
  const passwords = first.plannedUsers.map((u) => ({ username: u.username, password: u.password ?? generatePassword(), generated: u.password === null }));
  const hashes = new Map<string, string>();
  for (const p of passwords) hashes.set(p.username, await hashPassword(p.password));

  await db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${units} in share row exclusive mode`);
    await tx.execute(sql`lock table ${users} in share row exclusive mode`);
    const now = await loadExisting(tx);
    const again = check(tables, now.existingUnits, now.existingUsers);
    if (again.errors.length) throw new ConflictError("检查之后数据已被他人修改，未导入任何内容。请重新试导入。");
    const ids = new Map<string, number>((await tx.select({ id: units.id, code: units.code }).from(units)).map((u) => [u.code, u.id]));
    for (const u of parentsFirst(again.plannedUnits)) {
      const [row] = await tx
        .insert(units)
        .values({ code: u.code, name: u.name, kind: u.kind, parentId: u.parentCode ? ids.get(u.parentCode)! : null, sortOrder: u.sortOrder })
        .returning({ id: units.id });
      ids.set(u.code, row!.id);
      await recordAudit(tx, { actor, action: "unit.created", targetType: "unit", targetId: row!.id, unitId: row!.id, summary: `批量导入：新建单位 ${u.name}（${u.code}，${UNIT_KIND_LABELS[u.kind]}）` });
    }
    for (const u of again.plannedUsers) {
      const unitId = u.unitCode ? ids.get(u.unitCode)! : null;
      const regionId = u.regionCode ? ids.get(u.regionCode)! : null;
      const [row] = await tx
        .insert(users)
        .values({ username: u.username, displayName: u.displayName, role: u.role, unitId, regionId, phone: u.phone, passwordHash: hashes.get(u.username)!, mustChangePassword: true })
        .returning({ id: users.id });
      await recordAudit(tx, { actor, action: "user.created", targetType: "user", targetId: row!.id, unitId: unitId ?? regionId, summary: `批量导入：新建用户 ${u.displayName}（${u.username}，${ROLE_LABELS[u.role]}），首次登录须修改初始密码` });
    }
    await recordAudit(tx, { actor, action: "bulk.imported", targetType: "import", summary: `批量导入 ${again.plannedUnits.length} 个单位、${again.plannedUsers.length} 名用户` });
  });
  return { ...result, applied: true, passwords: passwords.filter((p) => p.generated).map(({ username, password }) => ({ username, password })) };
}
