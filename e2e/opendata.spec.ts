// Open data without signing in: the public report page links its version's Word, Excel, CSV and JSON, each matching
// the snapshot the page shows; the JSON's SHA-256 is the hash on the page and the CLI validates it; ETags give 304s;
// the per-year CSV/JSON; the API chain index → year → report → downloads; JSON 404s for what is not published.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { docxGrid, parseCsv, readDocx } from "../tests/support/downloads";
import { placeTable } from "../lib/export/xlsx-layout";
import { CSV_HEADER, getFormat, printedValue } from "../lib/report-format";
import { printedOnPage, sheetCells } from "./report-checks";

const YEAR = 2025;
const UNIT = "dept-education";
const format = getFormat("2021");
const sha256 = (b: Buffer | string) => crypto.createHash("sha256").update(b).digest("hex");

async function get(request: APIRequestContext, url: string, headers: Record<string, string> = {}) {
  const res = await request.get(url, { headers });
  return { res, body: await res.body() };
}

test("the public report page offers its version as Word, Excel, CSV and JSON, each matching the snapshot", async ({ page, request }) => {
  await page.goto(`/reports/${YEAR}/${UNIT}`);
  const shown = await printedOnPage(page);
  expect(Object.keys(shown)).toHaveLength(format.cells.length);
  const title = (await page.getByRole("heading", { level: 1 }).textContent())!.replace(/\s+/g, "");
  const row = page.locator("tr[data-version]").first();
  const version = Number(await row.getAttribute("data-version"));
  const hash = (await row.locator("td.font-mono").textContent())!;
  const links = page.getByTestId("report-downloads").getByRole("link");
  await expect(links).toHaveText(["Word", "Excel", "CSV", "JSON"]);
  const href = async (name: string) => (await page.getByTestId("report-downloads").getByRole("link", { name, exact: true }).getAttribute("href"))!;
  const fileName = (ext: string) => `filename*=UTF-8''${encodeURIComponent(`${title}-v${version}.${ext}`)}`;

  const word = await get(request, await href("Word"));
  expect(word.res.headers()["content-disposition"]).toContain(fileName("docx"));
  const doc = await readDocx(word.body);
  expect(doc.paragraphs[0]!.text).toBe(title);
  for (const s of format.sections) if (s.title) expect(doc.paragraphs.map((p) => p.text)).toContain(s.title);
  format.tables.forEach((table, t) => {
    const placed = placeTable(table, 1).placed;
    const cells = docxGrid(doc.tables[t]!);
    expect(cells.map((c) => [c.row, c.col, c.rowspan, c.colspan])).toEqual(placed.map((p) => [p.row, p.col, p.rowspan, p.colspan]));
    placed.forEach((p, i) => expect(cells[i]!.text).toBe(p.cell.type === "header" ? p.cell.label : shown[p.cell.address]));
  });

  const excel = await get(request, await href("Excel"));
  expect(excel.res.headers()["content-disposition"]).toContain(fileName("xlsx"));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(excel.body as unknown as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(1);
  expect(wb.worksheets[0]!.getCell("A1").text).toBe(title);
  for (const [address, cell] of sheetCells(wb.worksheets[0]!, format)) {
    expect(cell.type === ExcelJS.ValueType.Formula, address).toBe(false);
    expect(printedValue(format.cell(address)!, cell.value === null ? null : String(cell.value)), address).toBe(shown[address]);
  }

  const csv = await get(request, await href("CSV"));
  expect(csv.res.headers()["content-disposition"]).toContain(fileName("csv"));
  const rows = parseCsv(csv.body.toString("utf8").replace(/^\uFEFF/, ""));
  expect(rows[0]).toEqual(CSV_HEADER);
  expect(rows.slice(1).map((r) => `${r[4]}.${r[5]}.${r[6]}`)).toEqual(format.cells.map((c) => c.address));
  for (const r of rows.slice(1)) {
    const address = `${r[4]}.${r[5]}.${r[6]}`;
    expect(printedValue(format.cell(address)!, r[8] === "" ? null : r[8]), address).toBe(shown[address]);
  }

  const json = await get(request, await href("JSON"));
  expect(json.res.headers()["content-disposition"]).toContain(fileName("json"));
  expect(sha256(json.body)).toBe(hash);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "opendata-")), "report.json");
  fs.writeFileSync(file, json.body);
  const validate = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/cli.ts", "validate", file], { encoding: "utf8" });
  expect(validate.status, validate.stderr).toBe(0);
  expect(JSON.parse(validate.stdout)).toMatchObject({ ok: true, errors: 0 });
});

test("ETags and caching: a numbered version is immutable, latest and lists are short-lived, If-None-Match gives 304", async ({ request }) => {
  for (const ext of ["docx", "json"]) {
    const url = `/api/public/reports/${YEAR}/${UNIT}/v1.${ext}`;
    const first = await request.get(url);
    expect(first.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    const etag = first.headers()["etag"]!;
    expect(etag).toMatch(/^(W\/)?"[0-9a-f]{64}-(docx|json)"$/);
    const again = await request.get(url, { headers: { "If-None-Match": etag } });
    expect(again.status()).toBe(304);
    expect(again.headers()["etag"]).toBe(etag);
  }
  const latest = await request.get(`/api/public/reports/${YEAR}/${UNIT}/latest.csv`);
  expect(latest.headers()["cache-control"]).toBe("public, max-age=300");
  const index = await request.get("/api/public");
  expect(index.headers()["cache-control"]).toBe("public, max-age=300");
  expect((await request.get("/api/public", { headers: { "If-None-Match": index.headers()["etag"]! } })).status()).toBe(304);
});

test("per year: the links on /reports and the overview give every latest published report as one CSV and one JSON list", async ({ page, request }) => {
  const year = (await (await request.get(`/api/public/years/${YEAR}`)).json()) as { reports: { unit: { code: string }; latestVersion: number; versions: { version: number; contentHash: string }[] }[] };
  const units = year.reports.map((r) => r.unit.code);
  expect(units).toContain("tongxin");
  for (const where of ["/reports", `/reports/${YEAR}`]) {
    await page.goto(where);
    const csvHref = (await page.getByRole("link", { name: `${YEAR} 年度全部年报 CSV` }).getAttribute("href"))!;
    const rows = parseCsv((await (await request.get(csvHref)).text()).replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual(CSV_HEADER);
    expect([...new Set(rows.slice(1).map((r) => r[1]))]).toEqual(units);
    expect(rows.length - 1).toBe(units.length * format.cells.length);
    const jsonHref = (await page.getByRole("link", { name: `${YEAR} 年度全部年报 JSON` }).getAttribute("href"))!;
    const list = (await (await request.get(jsonHref)).json()) as { unit: { code: string } }[];
    expect(list.map((d) => d.unit.code)).toEqual(units);
    const hashes = list.map((d) => sha256(JSON.stringify(d, null, 2)));
    expect(hashes).toEqual(year.reports.map((r) => r.versions.find((v) => v.version === r.latestVersion)!.contentHash));
  }
});

test("the API chain: index → year → each report → its downloads, every JSON download hashing to its listed hash", async ({ request }) => {
  const index = await (await request.get("/api/public")).json();
  const years = index.years as { year: number; url: string; reports: number }[];
  expect(years.map((y) => y.year)).toEqual(expect.arrayContaining([2019, 2024, 2025]));
  for (const y of years.filter((x) => [2019, YEAR].includes(x.year))) {
    const year = await (await request.get(y.url)).json();
    expect(year.reports).toHaveLength(y.reports);
    for (const r of year.reports as { url: string }[]) {
      const report = await (await request.get(r.url)).json();
      for (const v of report.versions as { contentHash: string; downloads: Record<string, string> }[]) {
        const json = await request.get(v.downloads.json!);
        expect(json.status(), v.downloads.json).toBe(200);
        expect(sha256(await json.body())).toBe(v.contentHash);
      }
      const docx = await request.head(report.latest.docx);
      expect(docx.status(), report.latest.docx).toBe(200);
      expect(docx.headers()["content-type"]).toContain("wordprocessingml");
    }
  }
});

test("unknown years, units and versions and unpublished reports are JSON 404s; malformed parameters 400s", async ({ request }) => {
  for (const url of [
    "/api/public/years/2030",
    "/api/public/years/2030/reports.csv",
    `/api/public/reports/${YEAR}/no-such-unit`,
    `/api/public/reports/${YEAR}/no-such-unit/latest.json`,
    `/api/public/reports/${YEAR}/${UNIT}/v99.docx`,
    "/api/public/reports/2026/yuhai-town",
    "/api/public/reports/2026/yuhai-town/latest.json",
  ]) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(404);
    expect(res.headers()["content-type"], url).toContain("application/json");
    const body = await res.json();
    expect(body.code).toBe("not_found");
    expect(body.error).toMatch(/[\u4e00-\u9fff]/);
  }
  for (const url of ["/api/public/years/20x5", `/api/public/reports/${YEAR}/${UNIT}/v1.pdf`, `/api/public/reports/${YEAR}/${UNIT}/v0.json`]) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(400);
    expect((await res.json()).code).toBe("invalid");
  }
  const y2026 = await request.get("/api/public/years/2026");
  if (y2026.status() === 200) expect(JSON.stringify(await y2026.json())).not.toContain('"yuhai-town"');
  else expect(y2026.status()).toBe(404);
});
