// Sign-in, homes per role, lockout, anonymous redirects, scope 404s, deactivation, forced password change, sign-out.
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn, signInAndWait } from "./helpers";

test("each role signs in and lands on its home", async ({ page }) => {
  await signInAndWait(page, "clerk", /\/fill\/2026$/);
  await expect(page.getByTestId("user-box")).toContainText("同心县豫海镇人民政府");
  await expect(page.getByTestId("user-box")).toContainText("填报员");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("2026 年政府信息公开工作年度报告");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login$/);

  await signInAndWait(page, "supervisor", /\/review\/2026$/);
  await expect(page.getByTestId("user-box")).toContainText("审核员");
  const rows = page.locator("tbody tr[data-unit]");
  await expect(rows).toHaveCount(33);
  await expect(page.locator('tr[data-unit="dingtang-town"]')).toContainText("未开始");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login$/);

  await signInAndWait(page, "admin", /\/admin\/units$/);
  // The demo county and the e2e suite's other county; e2e/admin.spec.ts adds units of its own county before this runs.
  await expect(page.locator('tr[data-unit][data-root="tongxin"]')).toHaveCount(34);
  await expect(page.locator('tr[data-unit][data-root="e2e-other-county"]')).toHaveCount(2);
  await page.getByRole("link", { name: "用户" }).click();
  await expect(page.locator('tr[data-username="clerk"]')).toContainText("填报员");
});

test("a wrong password and an unknown user get the same message", async ({ page }) => {
  await signIn(page, "clerk", "wrong-password");
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toHaveText("用户名或密码错误，或账户已停用。");
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, "no-such-user", "wrong-password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("用户名或密码错误，或账户已停用。");
});

test("after 5 failures the account is locked and even the right password is refused", async ({ page }) => {
  for (let i = 0; i < 4; i++) {
    await signIn(page, "e2e-lockout", `wrong-${i}`);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("用户名或密码错误，或账户已停用。");
  }
  await signIn(page, "e2e-lockout", "wrong-5");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("账户已被锁定");
  await signIn(page, "e2e-lockout", DEMO_PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toContainText(/账户已被锁定，请于 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2} 之后再试/);
  await expect(page).toHaveURL(/\/login$/);
});

const workUrls = [
  "/fill",
  "/fill/2026",
  "/review/2026",
  "/review/2026/yuhai-town",
  "/county/2026",
  "/admin/units",
  "/admin/users",
  "/account/password",
];

test("anonymous users are sent to the sign-in page from every work URL", async ({ page }) => {
  for (const url of workUrls) {
    await page.goto(url);
    await expect(page, `from ${url}`).toHaveURL(/\/login$/);
  }
  // The site's root is public: it shows the published reports.
  await page.goto("/");
  await expect(page).toHaveURL(/\/reports$/);
});

test("a clerk gets 404 for another unit's report and for supervisor and admin pages", async ({ page }) => {
  await signInAndWait(page, "clerk", /\/fill\/2026$/);
  for (const url of ["/review/2026/hexi-town", "/review/2026", "/admin/users", "/review/2026/no-such-unit"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
  }
  const own = await page.goto("/review/2026/yuhai-town");
  expect(own?.status()).toBe(200);
  await expect(page.locator('[data-cell="applications.new_received.natural_person"]')).toHaveCount(1);
});

test("a supervisor gets 404 for admin pages and for units outside the county", async ({ page }) => {
  await signInAndWait(page, "supervisor", /\/review\/2026$/);
  expect((await page.goto("/admin/units"))?.status()).toBe(404);
  expect((await page.goto("/review/2026/tongxin"))?.status()).toBe(404);
  expect((await page.goto("/review/1999"))?.status()).toBe(404);
  expect((await page.goto("/review/2026/hexi-town"))?.status()).toBe(200);
});

test("a deactivated user's open session stops working at the next request", async ({ browser }) => {
  const userContext = await browser.newContext();
  const adminContext = await browser.newContext();
  const user = await userContext.newPage();
  const admin = await adminContext.newPage();
  await signInAndWait(user, "e2e-deactivate", /\/fill\/2026$/);

  await signInAndWait(admin, "admin", /\/admin\/units$/);
  await admin.goto("/admin/users");
  admin.once("dialog", (d) => void d.accept());
  await admin.getByRole("button", { name: "停用 e2e-deactivate" }).click();
  await expect(admin.locator('tr[data-username="e2e-deactivate"]')).toContainText("已停用");

  await user.reload();
  await expect(user).toHaveURL(/\/login$/);
  await signIn(user, "e2e-deactivate");
  await expect(user.getByRole("main").getByRole("alert")).toHaveText("用户名或密码错误，或账户已停用。");
  await userContext.close();
  await adminContext.close();
});

test("a user with an initial password must change it first", async ({ page }) => {
  await signInAndWait(page, "e2e-fresh", /\/account\/password$/, "Initial-Pass-2026");
  await expect(page.getByRole("main").getByRole("status")).toContainText("初始密码");
  await page.goto("/fill");
  await expect(page).toHaveURL(/\/account\/password$/);

  await page.getByLabel("当前密码").fill("Initial-Pass-2026");
  await page.getByLabel("新密码", { exact: true }).fill("short");
  await page.getByLabel("确认新密码").fill("short");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("密码至少需要 10 个字符")).toBeVisible();

  await page.getByLabel("新密码", { exact: true }).fill("Better-Pass-2026");
  await page.getByLabel("确认新密码").fill("Better-Pass-2026");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/fill\/2026$/);

  await page.getByRole("button", { name: "退出登录" }).click();
  await signInAndWait(page, "e2e-fresh", /\/fill\/2026$/, "Better-Pass-2026");
});

test("signing out ends the session, and a copy of the old cookie no longer works", async ({ page, browser }) => {
  await signInAndWait(page, "supervisor", /\/review\/2026$/);
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/review/2026");
  await expect(page).toHaveURL(/\/login$/);

  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const other = await replay.newPage();
  await other.goto("/review/2026");
  await expect(other).toHaveURL(/\/login$/);
  await replay.close();
});
