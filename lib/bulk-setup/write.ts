// Writes the downloadable set-up templates: an .xlsx with the 单位 and 用户 sheets and a 说明 sheet, or one CSV table.
import ExcelJS from "exceljs";
import { columnsOf, SHEET_NAMES, type SheetKind } from "./columns";

export async function setupTemplateXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "年报";
  for (const kind of ["units", "users"] as const) {
    const ws = wb.addWorksheet(SHEET_NAMES[kind], { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = columnsOf(kind).map((c) => ({ header: c.header, key: c.key, width: Math.max(14, c.header.length * 4) }));
    ws.getRow(1).font = { bold: true };
    // Codes and passwords are text: a code like 001 or a password like 2026-01 must not become a number or a date.
    for (let i = 1; i <= columnsOf(kind).length; i++) ws.getColumn(i).numFmt = "@";
    columnsOf(kind).forEach((c, i) => {
      ws.getCell(1, i + 1).note = c.hint;
    });
  }
  const help = wb.addWorksheet("说明");
  help.columns = [
    { header: "工作表", key: "sheet", width: 10 },
    { header: "列", key: "column", width: 16 },
    { header: "必填", key: "required", width: 8 },
    { header: "说明", key: "hint", width: 80 },
  ];
  help.getRow(1).font = { bold: true };
  for (const kind of ["units", "users"] as const) {
    for (const c of columnsOf(kind)) help.addRow({ sheet: SHEET_NAMES[kind], column: c.header, required: c.required ? "是" : "", hint: c.hint });
  }
  help.addRow({});
  help.addRow({ hint: "先“试导入”检查：任何一行有错误时，整个文件都不会导入；按错误列表改正后重新上传。" });
  help.addRow({ hint: "第 1 行是表头，请勿改动；空行会被忽略。单位表中的上级单位可以是本表中前后任意一行的区域。" });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The header row of one table as CSV (UTF-8 with BOM, CRLF), for counties that keep their lists as CSV. */
export function setupTemplateCsv(kind: SheetKind): string {
  return `\uFEFF${columnsOf(kind)
    .map((c) => c.header)
    .join(",")}\r\n`;
}
