// GET: a finished report as Word, Excel, CSV or JSON (the unit's own clerk once approved or published; a supervisor
// in scope any existing report). The public downloads of published snapshots are served elsewhere.
import { apiActor, apiError, notFound } from "@/lib/api-response";
import { getReportForDownload } from "@/lib/dal/report-download";
import { buildReportFile, downloadFormatSchema, fileResponse } from "@/lib/export/report-files";
import { parseUnitCodeParam, parseYearParam } from "@/lib/params";

export async function GET(_request: Request, { params }: { params: Promise<{ year: string; unit: string; format: string }> }) {
  const actor = await apiActor();
  if (actor instanceof Response) return actor;
  const p = await params;
  const year = parseYearParam(p.year);
  const unitCode = parseUnitCodeParam(p.unit);
  const format = downloadFormatSchema.safeParse(p.format);
  if (!year || !unitCode || !format.success) return notFound();
  try {
    const found = await getReportForDownload(actor, year, unitCode);
    const file = await buildReportFile(format.data, found.report, found.meta);
    return fileResponse(file, "private, no-store");
  } catch (err) {
    return apiError(err);
  }
}
