// Last year at hand: carry-over proposals that are saved only once accepted, last year's report beside the form,
// the narrative editor (copy last year's text, the 年年雷同 highlight, bold, live count and checks), and narratives
// that show typed HTML as text on every page that shows them.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { generateDemoSeries } from "../db/demo-reports";
import { DEMO_FILERS } from "../db/demo-units";
import { getFormat, proposeCarryOver } from "../lib/report-format";
import { signInAndWait } from "./helpers";

const format = getFormat("2021");
// e2e/fixtures/e2e-users.ts seeds this clerk of xiamaguan-town; no other spec touches that unit's 2026 report.
const CARRY_CLERK = "e2e-carry";
const unit = DEMO_FILERS.find((u) => u.code === "xiamaguan-town")!;
// The seed approved this unit's 2024 and 2025 reports from this series.
const last = generateDemoSeries(unit, [2024, 2025])[1]!;
const proposals = proposeCarryOver(last, format);

const textArea = (page: Page, address: string): Locator => page.locator(`textarea[data-cell="${address}"]`);
const input = (page: Page, address: string): Locator => page.locator(`input[data-cell="${address}"]`);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const saved = (page: Page) => expect(page.getByTestId("save-status")).toHaveText("已保存", { timeout: 10_000 });

test.describe.configure({ mode: "serial" });

test("carry-over proposals from the 2025 report are shown, saved only once accepted, and X-CARRY explains a change", async ({ page }) => {
  expect(proposals.length).toBeGreaterThan(0);
  await signInAndWait(page, CARRY_CLERK, /\/fill\/2026$/);

  for (const p of proposals) {
    const el = input(page, p.cell);
    await expect(el, p.cell).toHaveAttribute("data-proposed", "true");
    await expect(el, p.cell).toHaveValue(p.value);
    await expect(el, p.cell).toHaveAccessibleDescription(new RegExp(escape(`建议值 ${p.value}（依据：${p.basis}）`)));
  }
  // Proposals are not entered values: every input cell still counts as blank.
  await expect(page.getByTestId("blank-summary")).toContainText(
    `${format.inputCells.length} 个单元格未填写（其中 ${proposals.length} 个有上年结转建议，尚未采用）`,
  );

  // 现行有效件数 follows this year's 制发 as it is entered.
  const inForce = "active_disclosure.normative_documents.in_force";
  await input(page, "active_disclosure.normative_documents.made").click();
  await page.keyboard.type("2");
  await page.keyboard.press("Tab");
  await expect(input(page, inForce)).toHaveValue(String(Number(last.values[inForce]) + 2));
  await expect(input(page, inForce)).toHaveAccessibleDescription(/本年制发 2/);

  // Enter on a proposed cell accepts it; typing another value replaces it, and X-CARRY says why that is odd.
  const accepted = "applications.carried_over.natural_person";
  const changed = "applications.carried_over.commercial";
  const untouched = "applications.carried_over.research";
  await input(page, accepted).click();
  await page.keyboard.press("Enter");
  await expect(input(page, accepted)).not.toHaveAttribute("data-proposed");
  await expect(input(page, accepted)).toHaveValue(last.values["applications.carry_forward.natural_person"]!);
  const other = String(Number(last.values["applications.carry_forward.commercial"]) + 5);
  await input(page, changed).click();
  await page.keyboard.type(other);
  await expect(input(page, changed)).not.toHaveAttribute("data-proposed");
  await expect(page.getByTestId("warning-list").locator(`[data-rule="X-CARRY"][data-issue-cell="${changed}"]`)).toHaveCount(1);
  await expect(page.getByTestId("warning-list").locator('[data-rule="X-CARRY"]')).toHaveCount(1);
  // Typing the very figure that is proposed is an entry too.
  const retyped = "applications.carried_over.social_org";
  await input(page, retyped).click();
  await page.keyboard.type(last.values["applications.carry_forward.social_org"]!);
  await expect(input(page, retyped)).not.toHaveAttribute("data-proposed");
  await page.keyboard.press("Tab");
  await saved(page);

  // After a reload only what was accepted or typed is there; the rest is proposed again, not saved.
  await page.reload();
  await expect(input(page, accepted)).toHaveValue(last.values["applications.carry_forward.natural_person"]!);
  await expect(input(page, accepted)).not.toHaveAttribute("data-proposed");
  await expect(input(page, changed)).toHaveValue(other);
  await expect(input(page, untouched)).toHaveAttribute("data-proposed", "true");
  await expect(input(page, retyped)).not.toHaveAttribute("data-proposed");
  await expect(page.getByTestId("blank-summary")).toContainText(`${format.inputCells.length - 4} 个单元格未填写`);

  // Accept all the rest in one go; they are saved and no longer marked.
  await page.getByTestId("carry-over-notice").getByRole("button", { name: "采用全部上年结转建议" }).click();
  await saved(page);
  await page.reload();
  await expect(page.locator("[data-proposed]")).toHaveCount(0);
  await expect(page.getByTestId("carry-over-notice")).toHaveCount(0);
  await expect(input(page, untouched)).toHaveValue(last.values["applications.carry_forward.research"]!);
  await expect(input(page, inForce)).toHaveValue(String(Number(last.values[inForce]) + 2));
  await expect(page.getByTestId("blank-summary")).toContainText(`${format.inputCells.length - 1 - proposals.length} 个单元格未填写`);
});

test("last year's whole report opens beside the form without losing what is typed", async ({ page }) => {
  await signInAndWait(page, CARRY_CLERK, /\/fill\/2026$/);
  const typed = "review_litigation.admin_review.upheld";
  await input(page, typed).click();
  await page.keyboard.type("4");

  const opener = page.getByRole("button", { name: "查看上年报告" });
  await opener.click();
  const panel = page.getByRole("dialog", { name: "上年报告（2025 年）" });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("article", { name: `${unit.name}2025年政府信息公开工作年度报告` })).toBeVisible();
  await expect(panel.locator('td[data-cell="applications.carry_forward.natural_person"]')).toHaveText(
    last.values["applications.carry_forward.natural_person"]!,
  );
  await expect(panel.locator('[data-section="s5"]')).toContainText("改进措施");

  // The form stays usable while the panel is open, and keeps its state when it closes.
  await input(page, "review_litigation.admin_review.corrected").click();
  await page.keyboard.type("1");
  await panel.getByRole("button", { name: "关闭" }).focus();
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(opener).toBeFocused();
  await expect(input(page, typed)).toHaveValue("4");
  await expect(input(page, "review_litigation.admin_review.corrected")).toHaveValue("1");
  await saved(page);
});

test("copy last year's 五 as a draft, edit it, and the identical-paragraph highlight goes away", async ({ page }) => {
  await signInAndWait(page, CARRY_CLERK, /\/fill\/2026$/);
  const s5 = page.locator("#section-s5");
  const area = textArea(page, "narratives.s5");
  await expect(area).toHaveValue("");
  await s5.getByRole("button", { name: "显示上年内容" }).click();
  const previous = s5.getByTestId("narrative-previous");
  await expect(previous).toContainText("2025 年报告中的本节");
  await previous.getByRole("button", { name: "复制上年内容作为草稿" }).click();
  await expect(area).toHaveValue(last.narratives.s5!);

  const paragraphs = last.narratives.s5!.split("\n\n");
  expect(paragraphs).toHaveLength(2);
  const note = s5.getByTestId("narrative-s5-same");
  await expect(note).toHaveText(/^2 段与上年完全相同/);
  await expect(area).toHaveAccessibleDescription(/2 段与上年完全相同/);
  await s5.getByRole("button", { name: "预览" }).click();
  const preview = s5.getByTestId("narrative-s5-preview");
  await expect(preview.locator("[data-same-as-last-year]")).toHaveCount(2);
  await expect(preview.locator("[data-same-as-last-year]").first()).toContainText("与上年相同");
  await expect(previous.locator("[data-same-as-last-year]")).toHaveCount(2);
  // The preview prints **bold** as bold, like the official layout.
  await expect(preview.locator("strong").first()).toHaveText("健全信息发布审核机制");

  // Copying over text that is already there asks first.
  await previous.getByRole("button", { name: "复制上年内容作为草稿" }).click();
  await expect(previous.getByRole("alert")).toContainText("用上年内容替换当前文字吗");
  await previous.getByRole("button", { name: "取消" }).click();

  // Edit the second paragraph: one left; then the first: none left, no highlight anywhere.
  const improvements = "改进措施：一是建立信息发布月度通报制度；二是在门户网站开设“政策图解”专栏。";
  await area.fill(`${paragraphs[0]}\n\n${improvements}`);
  await expect(note).toHaveText(/^1 段与上年完全相同/);
  await expect(preview.locator("[data-same-as-last-year]")).toHaveCount(1);
  await area.fill(`存在的问题：一是部分栏目更新滞后；二是依申请公开答复文书不够规范。\n\n${improvements}`);
  await expect(note).toHaveCount(0);
  await expect(preview.locator("[data-same-as-last-year]")).toHaveCount(0);
  await expect(previous.locator("[data-same-as-last-year]")).toHaveCount(0);
  await saved(page);

  // 加粗 by keyboard: select "一是" in the second paragraph and press Ctrl+B.
  await area.evaluate((el: HTMLTextAreaElement) => {
    const at = el.value.lastIndexOf("一是");
    el.focus();
    el.setSelectionRange(at, at + 2);
  });
  await page.keyboard.press("Control+b");
  await expect(area).toHaveValue(/改进措施：\*\*一是\*\*建立/);
  await expect(preview.locator("strong")).toHaveText("一是");
  await saved(page);
  await page.reload();
  await expect(textArea(page, "narratives.s5")).toHaveValue(/改进措施：\*\*一是\*\*建立/);
});

test("一、总体情况 counts against 1000 characters and warns while typing; 六 warns without the fee", async ({ page }) => {
  await signInAndWait(page, CARRY_CLERK, /\/fill\/2026$/);
  const s1 = page.locator("#section-s1");
  await textArea(page, "narratives.s1").fill("本年度工作总体平稳。");
  await expect(s1.getByTestId("narrative-s1-count")).toHaveText("10 / 1000 字（不含空白）");
  await textArea(page, "narratives.s1").fill("政".repeat(1001));
  await expect(s1.getByTestId("narrative-s1-count")).toContainText("1001 / 1000 字（不含空白），已超过篇幅要求");
  await expect(s1.getByTestId("narrative-s1-issues").locator('[data-rule="NARR-LEN"]')).toHaveCount(1);
  await textArea(page, "narratives.s1").fill("本年度工作总体平稳。");
  await expect(s1.getByTestId("narrative-s1-issues")).toHaveCount(0);

  const s6 = page.locator("#section-s6");
  await textArea(page, "narratives.s6").fill("无。");
  await expect(s6.getByTestId("narrative-s6-issues").locator('[data-rule="NARR-FEE"]')).toHaveCount(1);
  await textArea(page, "narratives.s6").fill("本年度未收取信息处理费。");
  await expect(s6.getByTestId("narrative-s6-issues")).toHaveCount(0);
  await saved(page);
});

test("a script tag typed into a narrative shows as text on every page that shows the narrative", async ({ page, browser }) => {
  const payload = "<script>alert(1)</script><b>x</b> **粗体**";
  const literal = "<script>alert(1)</script><b>x</b>";
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });

  await signInAndWait(page, "clerk", /\/fill\/2026$/);
  const s6 = page.locator("#section-s6");
  const area = textArea(page, "narratives.s6");
  const original = await area.inputValue();
  await area.fill(payload);
  await s6.getByRole("button", { name: "预览" }).click();
  const expectShownAsText = async (where: Locator) => {
    await expect(where).toContainText(literal);
    await expect(where.locator("strong")).toHaveText("粗体");
    await expect(where.locator("b, script")).toHaveCount(0);
    await expect(where).not.toContainText("**");
  };
  await expectShownAsText(s6.getByTestId("narrative-s6-preview"));
  await saved(page);

  // The clerk's own read-only view, then the supervisor's: both print the official layout.
  await page.goto("/review/2026/yuhai-town");
  await expectShownAsText(page.locator('article.official-report [data-section="s6"]'));

  const ctx = await browser.newContext();
  const sup = await ctx.newPage();
  sup.on("dialog", (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await signInAndWait(sup, "supervisor", /\/review\/2026$/);
  await sup.goto("/review/2026/yuhai-town");
  await expectShownAsText(sup.locator('article.official-report [data-section="s6"]'));
  await ctx.close();
  expect(dialogs).toEqual([]);

  // Put the section back as it was for any spec that runs later.
  await page.goto("/fill/2026");
  await textArea(page, "narratives.s6").fill(original);
  await saved(page);
  expect(dialogs).toEqual([]);
});
