// The Excel round trip from the user's side: download the clerk's report, fill it with exceljs as Excel would,
// upload, read the dry run, confirm; damaged and other units' workbooks refused with nothing changed; the routes'
// answers to signed-out, out-of-scope and oversized requests. Robust to what fill.spec.ts left in the report.
import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, test, type Download, type Page } from "@playwright/test";
import { getFormat } from "../lib/report-format";
import { signInAndWait } from "./helpers";

const MONEY = "active_disclosure.admin_fees.amount";
const COUNT = "applications.granted.social_org";
const PENDING = "review_litigation.litigation_direct.pending";
const CLEARED = "applications.not_processed_duplicate.research";
const BAD = "applications.unable_not_held.legal_service";
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const input = (page: Page, address: string) => page.locator(`input[data-cell="${address}"]`);

async function formValues(page: Page): Promise<Record<string, string>> {
  return page.locator("input[data-cell]").evaluateAll((els) => Object.fromEntries(els.map((el) => [el.getAttribute("data-cell"), (el as HTMLInputElement).value])));
}

async function download(page: Page): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载 Excel" }).click()]);
  return file;
}

/** The workbook and a setter that writes into the sheet cell mapped to a report cell address. */
async function openWorkbook(file: Download) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(await file.path()) as unknown as ArrayBuffer);
  const refs = new Map<string, string>();
  wb.getWorksheet("_nianbao")!.eachRow((row) => refs.set(String(row.getCell(1).value), String(row.getCell(2).value)));
  const sheet = wb.getWorksheet("年度报告")!;
  const at = (address: string) => sheet.getCell(refs.get(address)!);
  return { wb, sheet, at, bytes: async () => Buffer.from(await wb.xlsx.writeBuffer()) };
}

async function upload(page: Page, name: string, buffer: Buffer) {
  await page.getByLabel("上传 Excel").setInputFiles({ name, mimeType: XLSX_MIME, buffer });
}

test.describe.configure({ mode: "serial" });

test("the clerk downloads the report as .xlsx, fills it in, checks the dry run and imports it", async ({ page }) => {
  await signInAndWait(page, "clerk", /\/fill\/2026$/);
  const before = await formValues(page);
  const file = await download(page);
  expect(file.suggestedFilename()).toBe("同心县豫海镇人民政府2026年政府信息公开工作年度报告.xlsx");
  const book = await openWorkbook(file);
  expect(String(book.sheet.getCell("A1").value)).toBe("同心县豫海镇人民政府2026年政府信息公开工作年度报告");
  // The workbook holds what the form shows (blank stays blank).
  for (const address of [MONEY, COUNT, PENDING, CLEARED]) {
    const value = book.at(address).value;
    expect(value === null ? "" : String(value)).toBe(before[address]);
  }

  const next = {
    [MONEY]: before[MONEY] === "7730.28" ? "12.5" : "7730.28",
    [COUNT]: String(Number(before[COUNT] || "0") + 5),
    [PENDING]: String(Number(before[PENDING] || "0") + 1),
  };
  book.at(MONEY).value = Number(next[MONEY]); // typed as a number in Excel: read back via its shortest decimal
  book.at(COUNT).value = Number(next[COUNT]);
  book.at(PENDING).value = next[PENDING]; // a cell formatted as text
  book.at(CLEARED).value = before[CLEARED] ? null : 4;
  const cleared = before[CLEARED] ? "" : "4";
  book.at(BAD).value = "三";
  await upload(page, "filled.xlsx", await book.bytes());

  const changes = page.getByTestId("xlsx-changes");
  await expect(changes).toBeVisible();
  await expect(changes.locator("tbody tr")).toHaveCount(4);
  for (const [address, to] of Object.entries({ ...next, [CLEARED]: cleared })) {
    const row = changes.locator(`tr[data-cell="${address}"]`);
    await expect(row.getByTestId("from")).toHaveText(before[address] || "空白");
    await expect(row.getByTestId("to")).toHaveText(to || "空白");
  }
  await expect(changes.locator(`tr[data-cell="${COUNT}"]`)).toContainText(getFormat("2021").cell(COUNT)!.accessibleName);
  await expect(page.getByTestId("xlsx-refused").locator(`li[data-cell="${BAD}"]`)).toContainText("“三”不是数字");
  await expect(page.getByTestId("xlsx-issues")).toContainText("导入后的检查结果");

  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByTestId("xlsx-done")).toContainText("已导入 4 个单元格");
  await expect(page.getByTestId("xlsx-conflicts")).toHaveCount(0);
  for (const [address, to] of Object.entries(next)) await expect(input(page, address)).toHaveValue(to);
  await page.reload();
  const after = await formValues(page);
  expect(after).toEqual({ ...before, ...next, [CLEARED]: cleared });
});

test("a damaged file and another unit's workbook are refused with a clear message, and nothing changes", async ({ page, browser }) => {
  const ctx = await browser.newContext();
  const sup = await ctx.newPage();
  await signInAndWait(sup, "supervisor", /\/review\/2026$/);
  await sup.goto("/review/2026/hexi-town");
  const hexiFile = await download(sup);
  expect(hexiFile.suggestedFilename()).toBe("同心县河西镇人民政府2026年政府信息公开工作年度报告.xlsx");
  const hexi = await openWorkbook(hexiFile);
  hexi.at(COUNT).value = 99;
  await ctx.close();

  await signInAndWait(page, "clerk", /\/fill\/2026$/);
  const before = await formValues(page);
  const random = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 256));
  await upload(page, "年报.xlsx", random);
  await expect(page.getByTestId("xlsx-error")).toContainText("文件已损坏或不是 Excel 工作簿");
  await expect(page.getByTestId("xlsx-error")).toContainText("下载 Excel");

  await upload(page, "hexi.xlsx", await hexi.bytes());
  await expect(page.getByTestId("xlsx-error")).toContainText("这是“同心县河西镇人民政府”的工作簿");
  await expect(page.getByTestId("xlsx-error")).toContainText("未导入任何数据");
  await expect(page.getByTestId("xlsx-dry-run")).toHaveCount(0);

  await page.reload();
  expect(await formValues(page)).toEqual(before);
});

test("the routes answer signed-out, out-of-scope and oversized requests with JSON", async ({ page, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const out = await anonymous.get("/api/reports/2026/yuhai-town/xlsx");
  expect(out.status()).toBe(401);
  expect((await out.json()).error).toContain("登录");
  const outPost = await anonymous.post("/api/reports/2026/yuhai-town/xlsx/dry-run", { multipart: { file: { name: "a.xlsx", mimeType: XLSX_MIME, buffer: Buffer.from("x") } } });
  expect(outPost.status()).toBe(401);
  await anonymous.dispose();

  await signInAndWait(page, "clerk", /\/fill\/2026$/);
  const other = await page.request.get("/api/reports/2026/hexi-town/xlsx");
  expect(other.status()).toBe(404);
  expect(other.headers()["content-type"]).toContain("application/json");
  expect((await other.json()).error).toContain("不在您的管理范围内");
  const otherPost = await page.request.post("/api/reports/2026/hexi-town/xlsx/dry-run", { multipart: { file: { name: "a.xlsx", mimeType: XLSX_MIME, buffer: Buffer.from("x") } } });
  expect(otherPost.status()).toBe(404);

  const big = await page.request.post("/api/reports/2026/yuhai-town/xlsx/dry-run", {
    multipart: { file: { name: "big.xlsx", mimeType: XLSX_MIME, buffer: Buffer.alloc(3 * 1024 * 1024, 1) } },
  });
  expect(big.status()).toBe(413);
  expect((await big.json()).error).toContain("2 MB");
});
