// GET /api/admin/import/template?format=xlsx | format=csv&kind=units|users: the bulk set-up template (admin only).
import { z } from "zod";
import { apiActor, jsonError } from "@/lib/api-response";
import { setupTemplateCsv, setupTemplateXlsx } from "@/lib/bulk-setup/write";

const querySchema = z.discriminatedUnion("format", [
  z.object({ format: z.literal("xlsx") }),
  z.object({ format: z.literal("csv"), kind: z.enum(["units", "users"]) }),
]);

export async function GET(request: Request): Promise<Response> {
  const actor = await apiActor();
  if (actor instanceof Response) return actor;
  if (actor.role !== "admin") return jsonError(404, "未找到。");
  const params = new URL(request.url).searchParams;
  const parsed = querySchema.safeParse({ format: params.get("format") ?? "xlsx", kind: params.get("kind") ?? undefined });
  if (!parsed.success) return jsonError(400, "请求无效：format 应为 xlsx 或 csv（csv 须带 kind=units 或 users）。");
  if (parsed.data.format === "xlsx") {
    return new Response(await setupTemplateXlsx() as BodyInit, {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="setup-template.xlsx"; filename*=UTF-8''${encodeURIComponent("单位和用户导入模板.xlsx")}`,
        "Cache-Control": "private, no-store",
      },
    });
  }
  const name = parsed.data.kind === "units" ? "单位导入模板.csv" : "用户导入模板.csv";
  return new Response(setupTemplateCsv(parsed.data.kind), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="setup-${parsed.data.kind}.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
