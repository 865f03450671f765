// POST (multipart, field "file"): reads a filled workbook and answers what importing it would change, without
// changing anything. Uploads come here rather than to a server action, which stops at 1 MB; this route has its own
// limit and says so in Chinese.
import { z } from "zod";
import type { XlsxDryRunResponse } from "@/components/report/form-types";
import { apiActor, apiError, jsonError, notFound, readUploadForm } from "@/lib/api-response";
import { dryRunXlsxImport } from "@/lib/dal/report-xlsx";
import { MAX_XLSX_BYTES } from "@/lib/export/xlsx-meta";
import { parseUnitCodeParam, parseYearParam } from "@/lib/params";

/** The multipart envelope around the file: boundaries, headers and the file name. */
const TOO_LARGE = `文件超过 ${MAX_XLSX_BYTES / 1024 / 1024} MB，未导入。本系统下载的工作簿填好后通常不到 100 KB：请确认选择的是本系统下载的 .xlsx 文件。`;

const uploadSchema = z.object({
  file: z.instanceof(File, { message: "请选择要上传的 Excel 文件（.xlsx）。" }),
});

export async function POST(request: Request, { params }: { params: Promise<{ year: string; unit: string }> }) {
  const actor = await apiActor();
  if (actor instanceof Response) return actor;
  const p = await params;
  const year = parseYearParam(p.year);
  const unitCode = parseUnitCodeParam(p.unit);
  if (!year || !unitCode) return notFound();
  const form = await readUploadForm(request, MAX_XLSX_BYTES, { wrongType: "请通过页面上的“上传 Excel”选择文件上传。", tooLarge: TOO_LARGE });
  if (form instanceof Response) return form;
  const parsed = uploadSchema.safeParse({ file: form.get("file") });
  if (!parsed.success) return jsonError(400, parsed.error.issues[0]?.message ?? "请选择要上传的 Excel 文件（.xlsx）。");
  if (parsed.data.file.size > MAX_XLSX_BYTES) return jsonError(413, TOO_LARGE);
  try {
    const bytes = new Uint8Array(await parsed.data.file.arrayBuffer());
    const body: XlsxDryRunResponse = await dryRunXlsxImport(actor, year, unitCode, bytes);
    return Response.json(body, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return apiError(err);
  }
}
