// Review from the users' side: the supervisor filters the board, reminds a unit, comments on a cell and returns a
// submission; its clerk sees the comment at the cell, fixes it and resubmits; the supervisor sees only the changed
// cell and approves. Scope and a clerk calling the approve action directly are refused.
import { expect, test, type Page } from "@playwright/test";
import { signIn, signInAndWait } from "./helpers";

const CELL = "active_disclosure.admin_licensing.decisions";
const reportCell = (page: Page, address: string) => page.locator(`article.official-report td[data-cell="${address}"]`);

test.describe.configure({ mode: "serial" });

test("board filters, 催报, comment, return; the clerk fixes and resubmits; the supervisor sees the change and approves", async ({ page, browser }) => {
  await signInAndWait(page, "supervisor", /\/review\/2026$/);
  // Filter the board: submitted departments only.
  await page.getByLabel("按状态筛选").selectOption({ label: "已提交" });
  await page.getByLabel("按类别筛选").selectOption("department");
  const rows = page.locator("tbody tr[data-unit]");
  await expect(rows).toHaveCount(3);
  for (const code of ["dept-education", "dept-finance", "dept-housing"]) await expect(page.locator(`tr[data-unit="${code}"]`)).toBeVisible();
  await page.getByLabel("搜索单位").fill("财政");
  await expect(rows).toHaveCount(1);
  await page.getByLabel("搜索单位").fill("");
  await page.getByLabel("按状态筛选").selectOption("all");
  await page.getByLabel("按类别筛选").selectOption("all");

  // 催报 a unit that has not submitted: the board records when, and its clerk sees the reminder.
  const wangtuan = page.locator('tr[data-unit="wangtuan-town"]');
  await wangtuan.getByRole("button", { name: "催报" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("已催报 1 个单位");
  await expect(wangtuan).toContainText("上次");
  const remindedCtx = await browser.newContext();
  const reminded = await remindedCtx.newPage();
  await signInAndWait(reminded, "clerk-wangtuan-town", /\/fill\/2026$/);
  await expect(reminded.getByTestId("reminder")).toContainText("催报：请于 2027-01-31 前完成 2026 年度");
  await remindedCtx.close();

  // Open a submission, comment on a figure by clicking it, and return the report with a reason.
  await page.locator('tr[data-unit="dept-finance"]').getByRole("link").click();
  await expect(page).toHaveURL(/\/review\/2026\/dept-finance$/);
  await expect(page.locator("[data-compare]").first()).toContainText("上年");
  await reportCell(page, CELL).click();
  await expect(page.getByLabel("批注位置")).toHaveValue(CELL);
  await page.getByLabel("批注内容").fill("行政许可处理决定数比上年少很多，请核对。");
  await page.getByRole("button", { name: "添加批注" }).click();
  await expect(page.getByTestId("comments").locator(`[data-comment-target="${CELL}"]`)).toContainText("请核对");
  await page.getByRole("button", { name: "退回修改…" }).click();
  await page.getByLabel(/退回原因/).fill("请核对行政许可处理决定数量后重新提交。");
  await page.getByRole("button", { name: "确认退回" }).click();
  await expect(page.locator("[data-status=returned]").first()).toHaveText("已退回");
  const original = (await reportCell(page, CELL).locator("[data-value]").textContent())!;

  // The clerk: the reason at the top, the comment at the cell; fix it and resubmit.
  const ctx = await browser.newContext();
  const clerk = await ctx.newPage();
  await signInAndWait(clerk, "clerk-dept-finance", /\/fill\/2026$/);
  await expect(clerk.getByTestId("return-reason")).toContainText("请核对行政许可处理决定数量后重新提交。");
  await expect(clerk.getByTestId("open-comments")).toContainText("行政许可处理决定数比上年少很多");
  const input = clerk.locator(`input[data-cell="${CELL}"]`);
  await input.focus();
  await expect(clerk.getByTestId("cell-comment")).toContainText("行政许可处理决定数比上年少很多");
  const fixed = String(Number(original) + 40);
  await clerk.keyboard.type(fixed);
  await clerk.keyboard.press("Tab");
  await expect(clerk.getByTestId("save-status")).toHaveText("已保存", { timeout: 10_000 });
  await clerk.getByRole("button", { name: "提交…" }).click();
  await clerk.getByRole("button", { name: "确认提交" }).click();
  await expect(clerk.locator("[data-status=submitted]").first()).toHaveText("已提交");
  // The clerk answers in the thread on the review page.
  await clerk.goto("/review/2026/dept-finance");
  await clerk.getByRole("textbox", { name: /^回复：/ }).fill("已核对，原数漏计了一批网上办理的许可。");
  await clerk.getByRole("button", { name: "回复" }).click();
  await expect(clerk.getByTestId("comments")).toContainText("已核对");
  await expect(clerk.getByRole("button", { name: "审核通过" })).toHaveCount(0);
  await ctx.close();

  // The supervisor sees exactly the changed cell, resolves the thread and approves.
  await page.goto("/review/2026");
  await expect(page.locator('tr[data-unit="dept-finance"]')).toContainText("新提交");
  await page.goto("/review/2026/dept-finance");
  await expect(page.getByTestId("changed-since-return").locator("li")).toHaveCount(1);
  await expect(page.getByTestId("changed-since-return")).toContainText("（五）行政许可 本年处理决定数量");
  await expect(page.locator("article.official-report td[data-changed]")).toHaveCount(1);
  await expect(reportCell(page, CELL)).toHaveAttribute("data-changed", "true");
  await expect(reportCell(page, CELL).locator("[data-value]")).toHaveText(fixed);
  await page.getByRole("button", { name: "标为已解决" }).click();
  await expect(page.getByTestId("comments")).toContainText("已解决");
  await page.getByRole("button", { name: "审核通过" }).click();
  await expect(page.locator("[data-status=approved]").first()).toHaveText("已通过");
  await expect(page.getByTestId("timeline")).toContainText("审核通过");
});

test("a supervisor cannot see units outside the region, and a clerk cannot approve by calling the action", async ({ page, browser }) => {
  await signInAndWait(page, "supervisor", /\/review\/2026$/);
  expect((await page.goto("/review/2026/e2e-other-dept"))?.status()).toBe(404);

  // Capture the supervisor's own approve request without letting it through.
  await page.goto("/review/2026/weizhou-town");
  let captured: { url: string; headers: Record<string, string>; body: string } | null = null;
  await page.route("**/review/2026/weizhou-town", async (route) => {
    const req = route.request();
    if (req.method() === "POST" && req.headers()["next-action"]) {
      captured = { url: req.url(), headers: req.headers(), body: req.postData() ?? "" };
      await route.abort();
    } else await route.continue();
  });
  await page.getByRole("button", { name: "审核通过" }).click();
  await expect.poll(() => captured !== null).toBe(true);
  await page.unroute("**/review/2026/weizhou-town");

  // Replay it as the unit's own clerk: refused, nothing changes.
  const ctx = await browser.newContext();
  const clerk = await ctx.newPage();
  await signIn(clerk, "clerk-weizhou-town");
  await expect(clerk).toHaveURL(/\/fill\/2026$/);
  const c = captured!;
  const response = await clerk.request.post(c.url, {
    headers: { "next-action": c.headers["next-action"]!, "content-type": c.headers["content-type"] ?? "text/plain;charset=UTF-8", accept: "text/x-component" },
    data: c.body,
  });
  expect(await response.text()).toContain("只有审核员可以审核通过");
  await ctx.close();
  await page.goto("/review/2026");
  await expect(page.locator('tr[data-unit="weizhou-town"]')).toContainText("已提交");
});
