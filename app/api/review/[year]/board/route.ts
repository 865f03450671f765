// GET /api/review/[year]/board: the progress board as .xlsx with contact names, for phone follow-up.
import ExcelJS from "exceljs";
import { getActor } from "@/lib/auth/session";
import { getBoard } from "@/lib/dal/board";
import { daysUntil, getYear } from "@/lib/dal/years";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format-date";
import { parseYearParam } from "@/lib/params";

export const dynamic = "force-dynamic";

function json(status: number, error: string): Response {
  return Response.json({ error }, { status });
}

export async function GET(_req: Request, { params }: { params: Promise<{ year: string }> }): Promise<Response> {
  const actor = await getActor();
  if (!actor) return json(401, "请先登录。");
  const year = parseYearParam((await params).year);
  if (!year || actor.role !== "supervisor") return json(404, "未找到。");
  let board;
  let yearInfo;
  try {
    yearInfo = await getYear(year);
    board = await getBoard(actor, year);
  } catch (err) {
    if (err instanceof NotFoundError) return json(404, err.message);
    throw err;
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${year}年度填报进度`);
  ws.columns = [
    { header: "单位", key: "name", width: 32 },
    { header: "类别", key: "kind", width: 10 },
    { header: "状态", key: "status", width: 10 },
    { header: "错误", key: "errors", width: 8 },
    { header: "提示", key: "warnings", width: 8 },
    { header: "空白单元格", key: "blanks", width: 10 },
    { header: "最近变更", key: "updated", width: 22 },
    { header: "上次催报", key: "reminded", width: 20 },
    { header: "联系人", key: "contact", width: 20 },
    { header: "电话", key: "phone", width: 16 },
  ];
  ws.getRow(1).font = { bold: true };
  const late = yearInfo.status === "open" && daysUntil(yearInfo.unitDeadline) < 0;
  for (const r of board.rows) {
    const row = ws.addRow({
      name: r.unit.name,
      kind: r.unit.kindLabel,
      status: r.statusLabel,
      errors: r.status === "not_started" ? "" : r.errors,
      warnings: r.status === "not_started" ? "" : r.warnings,
      blanks: r.status === "not_started" ? "" : r.blanks,
      updated: r.updatedAt ? `${formatDateTime(r.updatedAt)}${r.updatedByName ? ` ${r.updatedByName}` : ""}` : "",
      reminded: r.lastRemindedAt ? formatDateTime(r.lastRemindedAt) : "",
      contact: r.contacts.map((c) => c.name).join("、"),
      phone: r.contacts.map((c) => c.phone ?? "").filter(Boolean).join("、"),
    });
    if (late && ["not_started", "draft", "returned", "correcting"].includes(r.status)) {
      row.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFDE2E2" } };
    }
  }
  const buf = await wb.xlsx.writeBuffer();
  const filename = `${actor.regionName ?? ""}${year}年度年报填报进度.xlsx`;
  return new Response(new Uint8Array(buf as ArrayBuffer), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="board-${year}.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
