// Publication from the users' side: the supervisor publishes an approved unit report, starts a correction, the
// clerk fixes and resubmits, the supervisor publishes v2 with a 更正说明; the public sees both versions and the note.
import { expect, test } from "@playwright/test";
import { signInAndWait } from "./helpers";

const CELL = "active_disclosure.admin_penalty.decisions";

test("publish v1, correct, publish v2 with a note; both versions are public", async ({ page, browser, request }) => {
  test.setTimeout(90_000);
  // The public list is a cached page: before the publication it does not link the report, afterwards it does.
  await request.get("/reports");
  const listBefore = await request.get("/reports");
  expect(listBefore.headers()["x-nianbao-cache"]).toBe("HIT");
  expect(await listBefore.text()).not.toContain('href="/reports/2026/dept-audit"');

  await signInAndWait(page, "supervisor", /\/review\/2026$/);
  await page.goto("/review/2026/dept-audit");
  const panel = page.getByTestId("publish-panel");
  await panel.getByRole("button", { name: "发布", exact: true }).click();
  await expect(page.locator("[data-status=published]").first()).toHaveText("已发布");
  await expect(panel.locator("[data-version]")).toHaveCount(1);
  expect(await (await request.get("/reports/2026/dept-audit")).text()).toContain('data-version="1"');
  expect(await (await request.get("/reports")).text()).toContain('href="/reports/2026/dept-audit"');
  const original = (await page.locator(`article.official-report td[data-cell="${CELL}"] [data-value]`).textContent())!;

  // 网址回填 on v1.
  await panel.getByLabel("v1 的门户网站网址").fill("https://www.tongxin.gov.cn/zwgk/ndbg/2026/audit.html");
  await panel.getByRole("button", { name: "回填网址" }).click();
  await expect(panel).toContainText("门户网站：https://www.tongxin.gov.cn/zwgk/ndbg/2026/audit.html");
  // What the public sees of v1: the report itself and its publication record.
  const publicView = async () => {
    const html = await (await request.get("/reports/2026/dept-audit")).text();
    const article = /<article class="official-report[\s\S]*?<\/article>/.exec(html)?.[0];
    const versions = /<tbody>(?:(?!<\/tbody>)[\s\S])*?data-version[\s\S]*?<\/tbody>/.exec(html.slice(html.indexOf("</article>")))?.[0];
    return { article, versions, link: html.includes("https://www.tongxin.gov.cn/zwgk/ndbg/2026/audit.html") };
  };
  const v1 = await publicView();
  expect(v1.article).toBeDefined();
  expect(v1.versions).toContain('data-version="1"');
  expect(v1.link).toBe(true);

  // Start a correction; the clerk fixes one figure and resubmits.
  await panel.getByLabel(/更正原因/).fill("行政处罚处理决定数统计有误。");
  await panel.getByRole("button", { name: "启动更正" }).click();
  await expect(page.locator("[data-status=correcting]").first()).toHaveText("更正中");
  const ctx = await browser.newContext();
  const clerk = await ctx.newPage();
  await signInAndWait(clerk, "clerk-dept-audit", /\/fill\/2026$/);
  const fixed = String(Number(original) + 2);
  await clerk.locator(`input[data-cell="${CELL}"]`).fill(fixed);
  await clerk.locator(`input[data-cell="${CELL}"]`).blur();
  await expect(clerk.getByTestId("save-status")).toHaveText("已保存", { timeout: 10_000 });
  await clerk.getByRole("button", { name: "提交…" }).click();
  await clerk.getByRole("button", { name: "确认提交" }).click();
  await expect(clerk.locator("[data-status=submitted]").first()).toHaveText("已提交");
  await ctx.close();

  // While the correction is under way the public still sees v1, unchanged.
  expect(await publicView()).toEqual(v1);

  await page.reload();
  await page.getByRole("button", { name: "审核通过" }).click();
  await expect(page.locator("[data-status=approved]").first()).toHaveText("已通过");
  const publishV2 = panel.getByRole("button", { name: "发布更正版本 v2" });
  await expect(publishV2).toBeDisabled();
  await panel.getByLabel(/更正说明/).fill("行政处罚处理决定数由漏计更正为实际数。");
  // Until v2 is published the public page of v1 is answered from the server's page cache, which publishing empties.
  await request.get("/reports/2026/dept-audit");
  expect((await request.get("/reports/2026/dept-audit")).headers()["x-nianbao-cache"]).toBe("HIT");
  await publishV2.click();
  await expect(panel.locator("[data-version]")).toHaveCount(2);

  // The public page shows v2 with its note; v1 stays readable.
  await page.goto("/reports/2026/dept-audit");
  await expect(page.getByTestId("correction-note")).toContainText("行政处罚处理决定数由漏计更正为实际数。");
  await expect(page.locator(`td[data-cell="${CELL}"]`)).toHaveText(fixed);
  await expect(page.locator("tr[data-version]")).toHaveCount(2);
  await page.getByRole("link", { name: "第 1 版" }).click();
  await expect(page).toHaveURL(/\/reports\/2026\/dept-audit\/v1$/);
  await expect(page.locator(`td[data-cell="${CELL}"]`)).toHaveText(original);
  await expect(page.getByRole("note")).toContainText("这是第 1 版，已被更正");
});
