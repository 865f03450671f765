// POST /api/admin/import?mode=dry-run|apply (multipart, field "file": the set-up .xlsx or a CSV table): checks every
// row and lists the errors by row and column; "apply" creates everything in one transaction only if no row has an
// error. A route handler rather than a server action (which stops at 1 MB), with its own explicit limit.
import { z } from "zod";
import { apiActor, apiError, jsonError, readUploadForm } from "@/lib/api-response";
import { MAX_SETUP_BYTES, readSetupCsv, readSetupXlsx, SetupFileError } from "@/lib/bulk-setup/read";
import { runBulkImport } from "@/lib/dal/bulk-import";

const TOO_LARGE = `文件超过 ${MAX_SETUP_BYTES / 1024 / 1024} MB，未导入。模板文件通常只有几十 KB：请确认选择的是按模板填写的文件，或分批导入。`;

const uploadSchema = z.object({
  mode: z.enum(["dry-run", "apply"], { message: "请求无效。" }),
  file: z.instanceof(File, { message: "请选择要上传的模板文件（.xlsx 或 .csv）。" }),
});

export async function POST(request: Request): Promise<Response> {
  const actor = await apiActor();
  if (actor instanceof Response) return actor;
  if (actor.role !== "admin") return jsonError(404, "未找到。");
  const form = await readUploadForm(request, MAX_SETUP_BYTES, { wrongType: "请通过“批量导入”页面选择文件上传。", tooLarge: TOO_LARGE });
  if (form instanceof Response) return form;
  const parsed = uploadSchema.safeParse({ mode: new URL(request.url).searchParams.get("mode"), file: form.get("file") });
  if (!parsed.success) return jsonError(400, parsed.error.issues[0]?.message ?? "请求无效。");
  const { file, mode } = parsed.data;
  if (file.size > MAX_SETUP_BYTES) return jsonError(413, TOO_LARGE);
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    const isCsv = file.name.toLowerCase().endsWith(".csv") || !(bytes[0] === 0x50 && bytes[1] === 0x4b) && !(bytes[0] === 0xd0 && bytes[1] === 0xcf);
    let tables;
    if (isCsv) {
      let text: string;
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch {
        return jsonError(422, "CSV 文件不是 UTF-8 编码：请在 Excel 中“另存为 → CSV UTF-8（逗号分隔）”，或直接上传 .xlsx 模板。");
      }
      tables = readSetupCsv(text);
    } else {
      tables = await readSetupXlsx(bytes);
    }
    return Response.json(await runBulkImport(actor, tables, mode), { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    if (err instanceof SetupFileError) return jsonError(422, err.message);
    return apiError(err);
  }
}
