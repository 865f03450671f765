// The official layout: the demo 2019 report renders every label of its format with the template's merged headers,
// its data-cell values equal the file's, printing drops the site chrome; /formats/* show the blank templates.
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { computeTotals, getFormat, parseInterchange, type FormatVersion } from "../lib/report-format";
import { signInAndWait } from "./helpers";

async function expectLayout(page: Page, version: FormatVersion) {
  const format = getFormat(version);
  for (const table of format.tables) {
    const el = page.locator(`table[data-table="${table.id}"]`);
    await expect(el).toHaveCount(1);
    // The rendered table, read once: its header cells in order, and for each value cell the labels of the header
    // cells its `headers` attribute names (what a screen reader announces with the value).
    const dom = await el.evaluate((t: HTMLTableElement) => ({
      ths: [...t.querySelectorAll("th")].map((th) => [th.textContent, th.rowSpan, th.colSpan, th.scope]),
      tds: Object.fromEntries(
        [...t.querySelectorAll<HTMLTableCellElement>("td[data-cell]")].map((td) => [
          td.dataset.cell,
          { colSpan: td.colSpan, headers: (td.getAttribute("headers") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent ?? null) },
        ]),
      ),
    }));
    const rows = [...table.header, ...table.body];
    const labels = new Map(rows.flatMap((r) => r.cells.flatMap((c) => (c.type === "header" ? [[c.id, c.label] as const] : []))));
    const expectedThs = rows.flatMap((r) => r.cells.flatMap((c) => (c.type === "header" ? [[c.label, c.rowspan, c.colspan, c.scope]] : [])));
    expect(dom.ths, table.id).toEqual(expectedThs);
    for (const row of rows) {
      for (const cell of row.cells) {
        if (cell.type !== "value") continue;
        expect(dom.tds[cell.address], cell.address).toEqual({ colSpan: cell.colspan, headers: cell.headerIds.map((id) => labels.get(id)) });
      }
    }
    expect(Object.keys(dom.tds).length, table.id).toBe(rows.flatMap((r) => r.cells.filter((c) => c.type === "value")).length);
  }
  for (const section of format.sections.filter((s) => s.title)) {
    await expect(page.getByRole("heading", { name: section.title })).toBeVisible();
  }
}

test("the demo 2019 report renders in the official layout with the file's figures", async ({ page }) => {
  await signInAndWait(page, "supervisor", /\/review\/2026$/);
  await page.goto("/review/2019/tongxin-gov-office");
  await expectLayout(page, "2019");

  const file = fs.readFileSync("lib/report-format/fixtures/tongxin-2019.json", "utf8");
  const { report } = parseInterchange(JSON.parse(file));
  const format = getFormat("2019");
  const expected = { ...report.values, ...computeTotals(format, report.values) };
  const shown = await page
    .locator("td[data-cell]")
    .evaluateAll((tds) => Object.fromEntries(tds.map((td) => [td.getAttribute("data-cell"), td.textContent])));
  for (const cell of format.cells) {
    const value = expected[cell.address] ?? "";
    const text = cell.kind === "money" && value !== "" ? `${value}${cell.canonicalUnit}` : value;
    expect(shown[cell.address], cell.address).toBe(text);
  }
  // Narratives: paragraphs, with the **bold** lead-ins rendered as bold and no markup shown.
  const s1 = page.locator('[data-section="s1"]');
  await expect(s1.locator("strong").first()).toHaveText("聚焦热点领域，主动发声");
  await expect(s1).not.toContainText("**");

  // Printing shows the report alone: no header, navigation or back link.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("user-box")).toBeHidden();
  await expect(page.getByRole("navigation")).toBeHidden();
  await expect(page.getByRole("link", { name: "← 返回填报进度" })).toBeHidden();
  await expect(page.locator("article.official-report")).toBeVisible();
});

for (const version of ["2019", "2021"] as const) {
  test(`/formats/${version} shows the blank template to anyone`, async ({ page }) => {
    const response = await page.goto(`/formats/${version}`);
    expect(response?.status()).toBe(200);
    await expectLayout(page, version);
    const texts = await page.locator("td[data-cell]").allTextContents();
    expect(texts).toHaveLength(getFormat(version).cells.length);
    expect(texts.every((t) => t === "")).toBe(true);
  });
}
