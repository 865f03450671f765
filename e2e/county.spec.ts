// The county roll-up from the supervisor's side, on 2025 (every filer approved; a closed year; the demo seed published
// its county report, so the supervisor starts a correction first): roll up again, drill into a figure, write a
// narrative with a live figure, exclude a unit with a reason and see table and text follow, include it again, and
// publish the correction as v2 with its note. A clerk does not get the page.
import { expect, test, type Page } from "@playwright/test";
import { signInAndWait } from "./helpers";

const TOTAL = "applications.new_received.total";
const UNIT = "dept-public-security";
const countyCell = (page: Page, address: string) => page.locator(`article.official-report td[data-cell="${address}"]`);

test.describe.configure({ mode: "serial" });

test("roll up, drill down, a live figure in the narrative follows an exclusion and its undoing", async ({ page }) => {
  await signInAndWait(page, "supervisor", /\/review\/2026$/);
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "县级汇总" }).click();
  await expect(page).toHaveURL(/\/county\/2026$/);
  await page.getByRole("navigation", { name: "年度与区域" }).getByRole("link", { name: "2025" }).click();
  await expect(page).toHaveURL(/\/county\/2025$/);
  await expect(page.getByTestId("region-status")).toHaveText("已发布");
  await expect(page.getByTestId("contributor-counts")).toHaveText("计入 33 个，未审核通过 0 个，已排除 0 个。");

  // A published county report changes only through a correction.
  await expect(page.getByRole("button", { name: "更新汇总" })).toHaveCount(0);
  await page.getByLabel(/更正原因/).fill("补充说明各单位的收费情况。");
  await page.getByRole("button", { name: "启动更正" }).click();
  await expect(page.getByTestId("region-status")).toHaveText("更正中");

  // Roll up again: the official layout shows the county's figures.
  await page.getByRole("button", { name: "更新汇总", exact: true }).first().click();
  await expect(page.getByTestId("rolled-up-at")).toContainText("县政务公开办 审核员");
  const total = (await countyCell(page, TOTAL).textContent())!;
  expect(Number(total)).toBeGreaterThan(0);

  // Drill down: clicking the figure lists the 33 units; their values and the kind subtotals add up to it.
  await countyCell(page, TOTAL).click();
  const drill = page.getByTestId("drill-down");
  await expect(drill.locator(`[data-drill-cell="${TOTAL}"]`)).toBeVisible();
  await expect(drill.locator("tbody tr[data-unit]")).toHaveCount(33);
  await expect(drill.getByTestId("drill-sum")).toHaveText(total);
  await expect(drill.getByTestId("drill-county-value")).toHaveText(total);
  await expect(drill.getByTestId("drill-subtotals")).toContainText("乡镇");
  await expect(drill.getByTestId("drill-subtotals")).toContainText("部门");
  const unitValue = Number(await drill.locator(`tr[data-unit="${UNIT}"] td`).last().textContent());
  expect(unitValue).toBeGreaterThan(0);

  // A narrative with a live figure: 插入数字 puts a reference in the text; the report prints the county value.
  const s1 = page.locator('fieldset[data-narrative="s1"]');
  const text = s1.getByRole("textbox");
  await text.fill("全年共新收政府信息公开申请 ");
  await text.press("End");
  await s1.getByRole("combobox", { name: /插入数字/ }).selectOption(TOTAL);
  await s1.getByRole("button", { name: "插入数字" }).click();
  await expect(text).toHaveValue(`全年共新收政府信息公开申请 {{${TOTAL}}}`);
  await text.press("End");
  await text.pressSequentially(" 件。");
  await expect(page.getByTestId("preview-s1")).toContainText(`申请 ${total} 件。`);
  await page.getByRole("button", { name: "保存文字" }).click();
  await expect(page.getByTestId("region-narratives").getByRole("status")).toHaveText("已保存。");
  const printed = page.locator('article.official-report section[data-section="s1"]');
  await expect(printed).toContainText(`全年共新收政府信息公开申请 ${total} 件。`);

  // Exclude a unit: a reason is required; the table and the narrative's figure follow.
  const row = page.getByTestId("contributors").locator(`tr[data-unit="${UNIT}"]`);
  await row.getByRole("button", { name: /排除/ }).click();
  await expect(row.getByRole("button", { name: "确认排除" })).toBeDisabled();
  await row.getByLabel("排除原因（必填）").fill("该局年报数据正在核查，暂不计入。");
  await row.getByRole("button", { name: "确认排除" }).click();
  await expect(row).toHaveAttribute("data-state", "excluded");
  await expect(row).toContainText("该局年报数据正在核查，暂不计入。");
  await expect(page.getByTestId("contributor-counts")).toHaveText("计入 32 个，未审核通过 0 个，已排除 1 个。");
  const reduced = String(Number(total) - unitValue);
  await expect(countyCell(page, TOTAL)).toHaveText(reduced);
  await expect(printed).toContainText(`全年共新收政府信息公开申请 ${reduced} 件。`);

  // Include it again: back to the full figure, in the table and in the text.
  await row.getByRole("button", { name: "恢复计入" }).click();
  await expect(row).toHaveAttribute("data-state", "included");
  await expect(countyCell(page, TOTAL)).toHaveText(total);
  await expect(printed).toContainText(`全年共新收政府信息公开申请 ${total} 件。`);

  // Publish the correction as v2: the year asks for a sign-off first; then the checklist passes, a 更正说明 is
  // required, and the public sees v2 with its note.
  const failing = page.getByTestId("region-checklist").locator("li[data-ok=false]");
  await expect(failing).toHaveCount(1);
  await expect(failing).toContainText("已完成保密审查");
  const panel = page.getByTestId("publish-panel");
  await panel.getByLabel("审查人").fill("李审查");
  await panel.getByLabel("审查意见").fill("不涉及国家秘密，同意发布。");
  await panel.getByRole("button", { name: "记录保密审查" }).click();
  await expect(panel).toContainText("已完成保密审查：李审查");
  await expect(failing).toHaveCount(0);
  await panel.getByLabel(/更正说明/).fill("总体情况中补充全年新收申请数。");
  await panel.getByRole("button", { name: "发布更正版本 v2" }).click();
  await expect(page.getByTestId("region-status")).toHaveText("已发布");
  await expect(panel.locator("[data-version]")).toHaveCount(2);
  await page.goto("/reports/2025/tongxin");
  await expect(page.getByTestId("correction-note")).toContainText("总体情况中补充全年新收申请数。");
  await expect(page.locator('section[data-section="s1"]')).toContainText(`全年共新收政府信息公开申请 ${total} 件。`);
  await expect(page.locator("tr[data-version]")).toHaveCount(2);
});

test("a clerk does not get the county page", async ({ page }) => {
  await signInAndWait(page, "clerk", /\/fill\/2026$/);
  const response = await page.goto("/county/2025");
  expect(response?.status()).toBe(404);
});
