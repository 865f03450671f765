// The administrator from the user's side: a new county, unit and clerk (initial password, forced change), closing a
// year, deactivating a user with an open session, unlocking, bulk import, merging a unit, the audit log. Runs first
// of all specs: it works in its own county (e2e-admin-county) and year (2027, closed again), never on the demo
// accounts or units.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signIn, signInAndWait } from "./helpers";

const COUNTY = { code: "e2e-admin-county", name: "测试新县" };
const UNIT = { code: "e2e-admin-finance", name: "测试新县财政局" };
const CLERK = { username: "e2e-new-clerk", initial: "Initial-Admin-2026", changed: "Changed-Admin-2026" };
const FIRST_CELL = "一、本年新收政府信息公开申请数量 自然人";

test.describe.configure({ mode: "serial" });

async function adminPage(browser: Browser, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAndWait(page, "admin", /\/admin\/units$/);
  await page.goto(path);
  return page;
}

async function createUnit(page: Page, name: string, code: string, kind: string, parentLabel: string | null) {
  const form = page.getByRole("form", { name: "新建单位" });
  await form.getByLabel("单位名称").fill(name);
  await form.getByLabel("单位代码").fill(code);
  await form.getByLabel("类别").selectOption({ label: kind });
  if (parentLabel) await form.getByLabel("上级单位").selectOption({ label: parentLabel });
  await form.getByRole("button", { name: "新建单位" }).click();
  await expect(form.getByRole("status")).toContainText(`已新建单位“${name}”`);
  await expect(page.locator(`tr[data-unit="${code}"]`)).toHaveCount(1);
}

test("an admin creates a unit and a clerk; the clerk must change the password and sees the new unit's report", async ({ page, browser }) => {
  await signInAndWait(page, "admin", /\/admin\/units$/);
  await expect(page.getByRole("navigation", { name: "主导航" })).toContainText("审计日志");
  await createUnit(page, COUNTY.name, COUNTY.code, "区域（汇总下级单位，不单独填报）", null);
  await createUnit(page, UNIT.name, UNIT.code, "部门", `${COUNTY.name}（${COUNTY.code}）`);
  await expect(page.locator(`tr[data-unit="${UNIT.code}"]`)).toHaveAttribute("data-root", COUNTY.code);

  // The unit's page offers the rest (rename, move, merge, deactivate) and already shows its history.
  await page.getByRole("link", { name: UNIT.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(UNIT.code);
  await expect(page.getByRole("region", { name: /记录/ })).toContainText(`新建单位 ${UNIT.name}`);

  await page.goto("/admin/users/new");
  const form = page.getByRole("form", { name: "新建用户" });
  await form.getByLabel("用户名").fill(CLERK.username);
  await form.getByLabel("姓名").fill("测试新县 填报员");
  await form.getByLabel("角色").selectOption("clerk");
  await form.getByLabel("所在单位").selectOption({ label: `${UNIT.name}（${UNIT.code}）` });
  await form.getByLabel("初始密码").fill("weak");
  await form.getByRole("button", { name: "新建用户" }).click();
  await expect(form.getByRole("alert")).toContainText("密码至少需要 10 个字符");
  await form.getByLabel("初始密码").fill(CLERK.initial);
  await form.getByRole("button", { name: "新建用户" }).click();
  await expect(form.getByRole("status").first()).toContainText(`已新建用户 ${CLERK.username}，首次登录须修改初始密码`);

  const clerk = await (await browser.newContext()).newPage();
  await signInAndWait(clerk, CLERK.username, /\/account\/password$/, CLERK.initial);
  await clerk.getByLabel("当前密码").fill(CLERK.initial);
  await clerk.getByLabel("新密码", { exact: true }).fill(CLERK.changed);
  await clerk.getByLabel("确认新密码").fill(CLERK.changed);
  await clerk.getByRole("button", { name: "修改密码" }).click();
  await expect(clerk).toHaveURL(/\/fill\/2026$/);
  await expect(clerk.getByRole("heading", { level: 1 })).toContainText(`${UNIT.name} 2026 年政府信息公开工作年度报告`);
  await expect(clerk.getByRole("textbox", { name: FIRST_CELL })).toHaveCount(1);
  await clerk.context().close();
});

test("closing a year makes its reports read-only in the clerk's form", async ({ page, browser }) => {
  await signInAndWait(page, CLERK.username, /\/fill\/2026$/, CLERK.changed);
  const admin = await adminPage(browser, "/admin/years");
  const open = admin.getByRole("form", { name: "开放新年度" });
  await open.getByLabel("年度").fill("2027");
  await open.getByLabel("单位报送截止").fill("2028-01-31");
  await open.getByLabel("全县汇总截止").fill("2028-02-20");
  await open.getByRole("button", { name: "开放年度" }).click();
  await expect(open.getByRole("status")).toContainText("已开放 2027 年度填报");
  await expect(admin.locator('[data-year="2027"]').getByTestId("year-status")).toHaveText("填报中");

  await page.goto("/fill/2027");
  await expect(page.getByRole("textbox", { name: FIRST_CELL })).toHaveCount(1);

  admin.once("dialog", (d) => void d.accept());
  await admin.getByRole("button", { name: "关闭 2027 年度" }).click();
  await expect(admin.locator('[data-year="2027"]').getByTestId("year-status")).toHaveText("已关闭");

  await page.reload();
  await expect(page.getByText("（该年度已关闭）")).toBeVisible();
  await expect(page.getByRole("textbox", { name: FIRST_CELL })).toHaveCount(0);
  // 2026 is the open year again for everyone.
  await page.goto("/fill");
  await expect(page).toHaveURL(/\/fill\/2026$/);
  await admin.context().close();
});

test("the admin deactivates the clerk and the clerk's open session stops working", async ({ page, browser }) => {
  await signInAndWait(page, CLERK.username, /\/fill\/2026$/, CLERK.changed);
  const admin = await adminPage(browser, `/admin/users?q=${CLERK.username}`);
  await expect(admin.locator("tbody tr")).toHaveCount(1);
  admin.once("dialog", (d) => void d.accept());
  await admin.getByRole("button", { name: `停用 ${CLERK.username}` }).click();
  await expect(admin.locator(`tr[data-username="${CLERK.username}"]`)).toContainText("已停用");

  await page.reload();
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, CLERK.username, CLERK.changed);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("用户名或密码错误，或账户已停用。");
  await admin.context().close();
});

test("an admin unlocks a locked account", async ({ page, browser }) => {
  for (let i = 0; i < 5; i++) await signIn(page, "e2e-unlock", `wrong-${i}`);
  await signIn(page, "e2e-unlock", DEMO_PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("账户已被锁定");

  const admin = await adminPage(browser, "/admin/users");
  await expect(admin.locator('tr[data-username="e2e-unlock"]')).toContainText("锁定至");
  await admin.getByRole("button", { name: "解锁 e2e-unlock" }).click();
  await expect(admin.locator('tr[data-username="e2e-unlock"]')).toContainText("正常");

  await signInAndWait(page, "e2e-unlock", /\/fill\/2026$/);
  await admin.context().close();
});

function csvFile(rows: string[]) {
  return { name: "units.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${["单位代码,单位名称,类别,上级单位代码,排序", ...rows].join("\r\n")}\r\n`) };
}

test("bulk import: one bad row applies nothing and names the row; the corrected file applies", async ({ page }) => {
  await signInAndWait(page, "admin", /\/admin\/units$/);
  await page.getByRole("link", { name: "批量导入" }).click();
  const template = await page.request.get("/api/admin/import/template?format=xlsx");
  expect(template.status()).toBe(200);
  expect(template.headers()["content-type"]).toContain("spreadsheetml");
  expect((await page.request.get("/api/admin/import/template?format=csv&kind=users")).status()).toBe(200);

  const good = `e2e-bulk-a,${COUNTY.name}甲局,部门,${COUNTY.code},1`;
  await page.getByLabel(/选择文件/).setInputFiles(csvFile([good, `e2e-bulk-b,${COUNTY.name}乙局,部门,no-such-region,2`]));
  await page.getByRole("button", { name: "导入", exact: true }).click();
  const result = page.getByTestId("import-result");
  await expect(result.getByRole("alert")).toContainText("有 1 处错误，未导入任何内容");
  const row = result.locator('tr[data-row="3"]');
  await expect(row).toContainText("第 3 行");
  await expect(row).toContainText("上级单位代码");
  await expect(row).toContainText("上级单位代码 no-such-region 不存在");

  await page.goto("/admin/units");
  await expect(page.locator('tr[data-unit="e2e-bulk-a"]')).toHaveCount(0);

  await page.goto("/admin/import");
  await page.getByLabel(/选择文件/).setInputFiles(csvFile([good, `e2e-bulk-b,${COUNTY.name}乙局,部门,${COUNTY.code},2`]));
  await page.getByRole("button", { name: "试导入（只检查）" }).click();
  await expect(page.getByTestId("import-result").getByRole("status")).toContainText("检查通过：可以导入 2 个单位、0 名用户");
  await page.getByRole("button", { name: "导入", exact: true }).click();
  await expect(page.getByTestId("import-result").getByRole("status")).toContainText("已导入 2 个单位");
  await page.goto("/admin/units");
  await expect(page.locator(`tr[data-root="${COUNTY.code}"]`)).toHaveCount(4);
});

test("merging a unit moves its clerk to the successor; the clerk signs in again and fills the successor's report", async ({ page, browser }) => {
  const from = { code: "e2e-bulk-a", name: `${COUNTY.name}甲局` };
  const to = { code: "e2e-bulk-b", name: `${COUNTY.name}乙局` };
  const user = { username: "e2e-merge-clerk", initial: "Initial-Merge-2026", changed: "Changed-Merge-2026" };
  const admin = await adminPage(browser, "/admin/users/new");
  const form = admin.getByRole("form", { name: "新建用户" });
  await form.getByLabel("用户名").fill(user.username);
  await form.getByLabel("姓名").fill("甲局 填报员");
  await form.getByLabel("角色").selectOption("clerk");
  await form.getByLabel("所在单位").selectOption({ label: `${from.name}（${from.code}）` });
  await form.getByLabel("初始密码").fill(user.initial);
  await form.getByRole("button", { name: "新建用户" }).click();
  await expect(form.getByRole("status").first()).toContainText(`已新建用户 ${user.username}`);

  await signInAndWait(page, user.username, /\/account\/password$/, user.initial);
  await page.getByLabel("当前密码").fill(user.initial);
  await page.getByLabel("新密码", { exact: true }).fill(user.changed);
  await page.getByLabel("确认新密码").fill(user.changed);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${from.name} 2026 年`);

  await admin.goto("/admin/units");
  await admin.getByRole("link", { name: from.name }).click();
  const merge = admin.getByRole("form", { name: "合并" });
  await merge.getByRole("combobox", { name: "承继单位" }).selectOption({ label: `${to.name}（${to.code}）` });
  await expect(merge.getByRole("checkbox", { name: "本单位的填报员转到承继单位" })).toBeChecked();
  admin.once("dialog", (d) => void d.accept());
  await merge.getByRole("button", { name: "合并" }).click();
  // The unit now names its successor, and its history says who moved.
  await expect(admin.getByTestId("unit-state")).toContainText(`已并入 ${to.name}`);
  await expect(admin.getByRole("region", { name: /记录/ })).toContainText(`填报员 ${user.username} 转到承继单位`);
  await admin.context().close();

  // The clerk's open session belonged to the old unit: it ends; signing in again opens the successor's report.
  await page.reload();
  await expect(page).toHaveURL(/\/login$/);
  await signInAndWait(page, user.username, /\/fill\/2026$/, user.changed);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${to.name} 2026 年`);
});

test("the audit log shows the admin's actions, filters them and exports CSV", async ({ page }) => {
  await signInAndWait(page, "admin", /\/admin\/units$/);
  await page.getByRole("link", { name: "审计日志" }).click();
  await expect(page.getByText("数据库也拒绝修改和删除")).toBeVisible();
  await page.getByLabel("操作").selectOption({ label: "新建单位" });
  await page.getByLabel("人员").fill("admin");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/action=unit\.created/);
  await expect(page.locator('tr[data-action="unit.created"]')).toHaveCount(4);
  await expect(page.locator("tbody tr")).toHaveCount(4);
  const csv = await page.request.get(`/api/admin/audit/export?action=unit.created`);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text.startsWith("\uFEFF时间,人员")).toBe(true);
  expect(text).toContain(UNIT.name);
});

test("a supervisor gets 'not found' from every admin page and admin download or upload", async ({ page }) => {
  await signInAndWait(page, "supervisor", /\/review\/2026$/);
  for (const url of ["/admin/years", "/admin/import", "/admin/audit", "/admin/users/new", "/admin/units/1"]) {
    expect((await page.goto(url))?.status(), url).toBe(404);
  }
  for (const url of ["/api/admin/audit/export", "/api/admin/import/template?format=xlsx"]) {
    expect((await page.request.get(url)).status(), url).toBe(404);
  }
  const upload = await page.request.post("/api/admin/import?mode=apply", { multipart: { file: csvFile([`e2e-sneaky,某局,部门,${COUNTY.code},1`]) } });
  expect(upload.status()).toBe(404);
});
