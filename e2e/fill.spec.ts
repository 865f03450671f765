// The clerk's form from the user's side: keyboard and paste entry, live totals and checks, submit conditions,
// explained warnings, withdraw, autosave across reloads, two tabs, conflicts, and a tampered action.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { generateDemoSeries } from "../db/demo-reports";
import { DEMO_FILERS } from "../db/demo-units";
import { computeTotals, getFormat } from "../lib/report-format";
import { signInAndWait } from "./helpers";

const format = getFormat("2021");
const unit = DEMO_FILERS.find((u) => u.code === "yuhai-town")!;
// The seed approved this unit's 2024 and 2025 reports from the same series, so 2026 carries over cleanly.
const target = generateDemoSeries(unit, [2024, 2025, 2026])[2]!;
const totals = computeTotals(format, target.values);

const cell = (page: Page, address: string): Locator => page.locator(`[data-cell="${address}"]`);
const saved = (page: Page) => expect(page.getByTestId("save-status")).toHaveText("已保存", { timeout: 10_000 });

async function paste(page: Page, address: string, text: string) {
  await cell(page, address).focus();
  await cell(page, address).evaluate((el, data) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", data);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

test.describe.configure({ mode: "serial" });

test("a clerk fills the whole report by keyboard and paste, with live totals and checks, and submits", async ({ page }) => {
  await signInAndWait(page, "clerk", /\/fill\/2026$/);
  await expect(page.getByRole("textbox", { name: "一、本年新收政府信息公开申请数量 自然人" })).toHaveAttribute(
    "data-cell",
    "applications.new_received.natural_person",
  );

  // Submitting a blank report is refused, and says why.
  await page.getByRole("button", { name: "提交…" }).click();
  await expect(page.getByTestId("submit-panel").getByRole("alert")).toContainText(`还有 ${format.inputCells.length} 个单元格未填写`);
  await expect(page.getByRole("button", { name: "确认提交" })).toBeDisabled();
  await page.getByRole("button", { name: "取消" }).click();

  // T2 by keyboard: type then Tab through the ten cells (totals are never in the way).
  const t2 = format.inputCells.filter((c) => c.table === "active_disclosure");
  await cell(page, t2[0]!.address).click();
  for (const c of t2) {
    await expect(cell(page, c.address)).toBeFocused();
    await page.keyboard.type(target.values[c.address]!);
    await page.keyboard.press("Tab");
  }

  // T3 pasted as one block copied from Excel, 总计 column and （七）总计 row included: those are refused.
  const rowIds = [...new Set(format.cells.filter((c) => c.table === "applications").map((c) => c.row))];
  const cols = ["natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total"];
  const block = rowIds
    .map((r) => cols.map((c) => target.values[`applications.${r}.${c}`] ?? totals[`applications.${r}.${c}`]).join("\t"))
    .join("\r\n");
  await paste(page, "applications.new_received.natural_person", `${block}\r\n`);
  await expect(page.getByTestId("paste-summary")).toContainText(`已粘贴 ${24 * 6} 个单元格；${25 + 6} 个未粘贴`);
  await expect(cell(page, "applications.new_received.total")).toHaveText(totals["applications.new_received.total"]!);
  await expect(cell(page, "applications.results_total.natural_person")).toHaveText(totals["applications.results_total.natural_person"]!);

  // T4 with the arrow keys.
  const t4 = format.inputCells.filter((c) => c.table === "review_litigation");
  await cell(page, t4[0]!.address).click();
  for (const c of t4) {
    await expect(cell(page, c.address)).toBeFocused();
    await page.keyboard.type(target.values[c.address]!);
    await page.keyboard.press("ArrowRight");
  }
  await expect(cell(page, "review_litigation.admin_review.total")).toHaveText(totals["review_litigation.admin_review.total"]!);

  // A T3-BAL error appears as soon as 结转下年度 is wrong, at the cell and in the list, and goes away when fixed.
  const carry = cell(page, "applications.carry_forward.natural_person");
  await carry.click();
  await page.keyboard.type("999");
  const errorList = page.getByTestId("error-list");
  await expect(errorList.locator('[data-rule="T3-BAL"][data-issue-cell="applications.carry_forward.natural_person"]')).toHaveCount(1);
  await expect(carry).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "提交…" }).click();
  await expect(page.getByTestId("submit-panel").getByRole("alert")).toContainText("个错误须修正");
  await page.getByRole("button", { name: "取消" }).click();
  await carry.click();
  await page.keyboard.type(target.values["applications.carry_forward.natural_person"]!);
  await expect(errorList).toHaveCount(0);

  // Narratives; section 六 without the information fee raises NARR-FEE, a warning to explain.
  for (const id of ["preamble", "s1", "s5"] as const) await cell(page, `narratives.${id}`).fill(target.narratives[id]!);
  await cell(page, "narratives.s6").fill("无其他需要报告的事项。");
  await saved(page);
  await expect(page.getByTestId("warning-list").locator('[data-rule="NARR-FEE"]')).toHaveCount(1);
  await expect(page.getByTestId("blank-summary")).toHaveCount(0);

  await page.getByRole("button", { name: "提交…" }).click();
  const confirm = page.getByRole("button", { name: "确认提交" });
  await expect(confirm).toBeDisabled();
  await page.getByRole("textbox", { name: /^说明：.*信息处理费/ }).fill("本单位依申请公开不收取任何费用，故未单独报告。");
  await confirm.click();
  await expect(page.locator("[data-status=submitted]").first()).toHaveText("已提交");
  await expect(page.locator('td[data-cell="applications.new_received.total"]')).toHaveText(totals["applications.new_received.total"]!);

  // Withdraw, then submit again (the explanation is asked for again).
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "撤回" }).click();
  await expect(page.locator("[data-status=draft]").first()).toHaveText("填报中");
  await expect(cell(page, "applications.new_received.natural_person")).toHaveValue(target.values["applications.new_received.natural_person"]!);
  await page.getByRole("button", { name: "提交…" }).click();
  await page.getByRole("textbox", { name: /^说明：.*信息处理费/ }).fill("不收费。");
  await page.getByRole("button", { name: "确认提交" }).click();
  await expect(page.locator("[data-status=submitted]").first()).toHaveText("已提交");
  // Leave it editable for the next tests.
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "撤回" }).click();
  await expect(page.locator("[data-status=draft]").first()).toHaveText("填报中");
});

test("autosave survives a reload, invalid input is refused with a message and never saved", async ({ page }) => {
  await signInAndWait(page, "clerk", /\/fill\/2026$/);
  const a = cell(page, "active_disclosure.admin_licensing.decisions");
  await a.click();
  await page.keyboard.type("１２３"); // full-width digits from a Chinese input method
  await page.keyboard.press("Tab");
  await saved(page);
  const b = cell(page, "active_disclosure.admin_penalty.decisions");
  await b.click();
  await page.keyboard.type("1.5");
  await page.keyboard.press("Tab");
  await expect(b).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("error-list")).toContainText("“1.5”无效");
  await page.reload();
  await expect(cell(page, "active_disclosure.admin_licensing.decisions")).toHaveValue("123");
  await expect(cell(page, "active_disclosure.admin_penalty.decisions")).toHaveValue(target.values["active_disclosure.admin_penalty.decisions"]!);
});

test("two tabs: different cells both keep their values; the same cell gives the second a conflict that keeps its input", async ({ browser }) => {
  const ctxA = await browser.newContext();
  const ctxB = await browser.newContext();
  const a = await ctxA.newPage();
  const b = await ctxB.newPage();
  await signInAndWait(a, "clerk", /\/fill\/2026$/);
  await signInAndWait(b, "clerk", /\/fill\/2026$/);

  await cell(a, "applications.granted.commercial").fill("7");
  await cell(b, "applications.granted.research").fill("8");
  await cell(a, "applications.granted.commercial").blur();
  await cell(b, "applications.granted.research").blur();
  await saved(a);
  await saved(b);
  await a.reload();
  await expect(cell(a, "applications.granted.commercial")).toHaveValue("7");
  await expect(cell(a, "applications.granted.research")).toHaveValue("8");

  // Same cell: A saves first; B, still showing the old value, is told and keeps its own input.
  await cell(a, "review_litigation.admin_review.other").fill("3");
  await cell(a, "review_litigation.admin_review.other").blur();
  await saved(a);
  const mine = cell(b, "review_litigation.admin_review.other");
  await mine.fill("4");
  await mine.blur();
  await expect(b.getByTestId("conflict-count")).toContainText("1 处");
  await mine.focus();
  await expect(b.getByTestId("cell-info").getByTestId("conflict")).toContainText("“3”");
  await expect(mine).toHaveValue("4");
  await b.getByTestId("cell-info").getByRole("button", { name: "保留我的值" }).click();
  await saved(b);
  await a.reload();
  await expect(cell(a, "review_litigation.admin_review.other")).toHaveValue("4");
  await ctxA.close();
  await ctxB.close();
});

test("a clerk cannot save another unit's report by calling the action directly", async ({ page, browser }) => {
  await signInAndWait(page, "clerk", /\/fill\/2026$/);
  // Rewrite the form's own save request so that it names another unit.
  await page.route("**/fill/2026", async (route) => {
    const body = route.request().postData();
    if (route.request().method() === "POST" && body?.includes("yuhai-town")) {
      await route.continue({ postData: body.replaceAll("yuhai-town", "hexi-town") });
    } else await route.continue();
  });
  await cell(page, "applications.denied_state_secret.other_org").fill("5");
  await cell(page, "applications.denied_state_secret.other_org").blur();
  await expect(page.getByTestId("save-status")).toContainText("未找到该单位");

  const ctx = await browser.newContext();
  const sup = await ctx.newPage();
  await signInAndWait(sup, "supervisor", /\/review\/2026$/);
  await expect(sup.locator('tr[data-unit="hexi-town"]')).toContainText("未开始");
  await ctx.close();
});
