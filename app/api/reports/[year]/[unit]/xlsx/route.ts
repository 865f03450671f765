// GET: one unit's report as an .xlsx in the official layout (the unit's own clerk, or a supervisor in scope).
import { apiActor, apiError, notFound } from "@/lib/api-response";
import { getReportForXlsx } from "@/lib/dal/report-xlsx";
import { buildReportWorkbook } from "@/lib/export/xlsx-report";
import { workbookFileName, XLSX_CONTENT_TYPE } from "@/lib/export/xlsx-meta";
import { parseUnitCodeParam, parseYearParam } from "@/lib/params";

/** RFC 5987 value for filename*: percent-encoded UTF-8, with the characters it reserves encoded too. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export async function GET(_request: Request, { params }: { params: Promise<{ year: string; unit: string }> }) {
  const actor = await apiActor();
  if (actor instanceof Response) return actor;
  const p = await params;
  const year = parseYearParam(p.year);
  const unitCode = parseUnitCodeParam(p.unit);
  if (!year || !unitCode) return notFound();
  try {
    const view = await getReportForXlsx(actor, year, unitCode);
    const bytes = await buildReportWorkbook(view.report, new Date());
    const name = workbookFileName(view.unit.name, year);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": XLSX_CONTENT_TYPE,
        // An ASCII fallback for old clients, the Chinese name for everyone else.
        "Content-Disposition": `attachment; filename="nianbao-${unitCode}-${year}.xlsx"; filename*=UTF-8''${rfc5987(name)}`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (err) {
    return apiError(err);
  }
}
