// The public site: pages render from published snapshots only, stay identical when drafts change, never show
// unpublished data, pass axe in both text sizes, and print without navigation.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { generateDemoSeries } from "../db/demo-reports";
import { DEMO_FILERS } from "../db/demo-units";
import { computeTotals, getFormat } from "../lib/report-format";
import { signInAndWait } from "./helpers";

const PAGES = ["/reports", "/reports/2025", "/reports/2025/dept-education", "/reports/2019/tongxin-gov-office", "/formats/2021"];

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a published report renders from its snapshot with versions and hash", async ({ page }) => {
  const unit = DEMO_FILERS.find((u) => u.code === "dept-education")!;
  const report = generateDemoSeries(unit, [2024, 2025])[1]!;
  const values = { ...report.values, ...computeTotals(getFormat("2021"), report.values) };
  await page.goto("/reports");
  await expect(page.getByRole("heading", { name: /2025 年度/ })).toBeVisible();
  // The county's latest report first, then the years.
  await expect(page.getByTestId("latest-county").getByRole("link")).toHaveAttribute("href", /^\/reports\/2025\/tongxin$/);
  await expect(page.getByRole("navigation", { name: "年度" }).getByRole("link")).toHaveText(["2025 年度", "2024 年度", "2019 年度"]);
  await page.getByRole("link", { name: "同心县教育局" }).first().click();
  await expect(page).toHaveURL(/\/reports\/2025\/dept-education$/);
  for (const address of ["applications.new_received.total", "applications.results_total.natural_person", "active_disclosure.admin_fees.amount"]) {
    await expect(page.locator(`td[data-cell="${address}"]`)).toHaveText(values[address]!);
  }
  await expect(page.locator("tr[data-version]")).toHaveCount(1);
  await expect(page.locator("tr[data-version] td.font-mono")).toHaveText(/^[0-9a-f]{64}$/);
  // Search by unit name.
  await page.goto("/reports?q=教育");
  await expect(page.getByRole("link", { name: "同心县教育局" })).toHaveCount(2);
  await expect(page.getByRole("link", { name: "同心县财政局" })).toHaveCount(0);
});

test("a public page is kept after its first visit and sent compressed to browsers", async ({ request }) => {
  const url = "/reports/2025/dept-finance";
  const first = await request.get(url);
  expect(first.status()).toBe(200);
  const second = await request.get(url);
  expect(second.headers()["x-nianbao-cache"]).toBe("HIT");
  expect(await second.text()).toBe(await first.text());
  // Compressed once in the background; a browser asking for brotli then gets the same page in far fewer bytes.
  await expect.poll(async () => (await request.get(url, { headers: { "accept-encoding": "br" } })).headers()["content-encoding"]).toBe("br");
  const br = await request.get(url, { headers: { "accept-encoding": "br" } });
  expect(await br.text()).toBe(await first.text());
  expect(Number(br.headers()["content-length"])).toBeLessThan(Buffer.byteLength(await first.text()) / 5);
  const etag = br.headers()["etag"]!;
  expect((await request.get(url, { headers: { "accept-encoding": "br", "if-none-match": etag } })).status()).toBe(304);
});

test("the overview shows charts with their numbers and ratios with formulas", async ({ page }) => {
  await page.goto("/reports/2025");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2025 年度全县政府信息公开概览");
  await expect(page.getByText("计算方法：（予以公开 + 部分公开）÷ 办理结果总计")).toBeVisible();
  await expect(page.locator("figure svg[role=img]")).toHaveCount(5);
  await expect(page.locator("figure table")).toHaveCount(5);
});

test("draft data never appears in public, and a draft edit leaves the public page byte-identical", async ({ browser, request }) => {
  const before = await (await request.get("/reports/2025/yuhai-town")).text();
  const ctx = await browser.newContext();
  const clerk = await ctx.newPage();
  await signInAndWait(clerk, "clerk", /\/fill\/2026$/);
  const sentinel = "7654321";
  await clerk.locator('input[data-cell="active_disclosure.admin_penalty.decisions"]').fill(sentinel);
  await clerk.locator('input[data-cell="active_disclosure.admin_penalty.decisions"]').blur();
  await expect(clerk.getByTestId("save-status")).toHaveText("已保存", { timeout: 10_000 });
  await ctx.close();
  for (const url of ["/reports", "/reports/2025", "/reports/2025/yuhai-town", "/reports/2026", "/reports/2026/yuhai-town"]) {
    const res = await request.get(url);
    expect(await res.text(), url).not.toContain(sentinel);
  }
  expect((await request.get("/reports/2026/yuhai-town")).status()).toBe(404);
  expect(await (await request.get("/reports/2025/yuhai-town")).text()).toBe(before);
  expect((await request.get("/reports/2025/no-such-unit")).status()).toBe(404);
});

test("axe finds no violations on the public pages, in normal and large text", async ({ page }) => {
  test.setTimeout(120_000); // axe takes a few seconds on each full report page
  for (const url of PAGES) {
    await page.goto(url);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await axe(page);
    await page.getByText("大字版").click();
    await expect(page.locator("#large-text")).toBeChecked();
    await axe(page);
  }
});

test("printing a public report shows the report without the site's navigation", async ({ page }) => {
  await page.goto("/reports/2025/dept-education");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "网站导航" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "位置" })).toBeHidden();
  await expect(page.locator("article.official-report")).toBeVisible();
});
