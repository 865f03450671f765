// GET /api/admin/audit/export?person&unitId&action&from&to: the filtered audit log as CSV (admin only; logged).
import { apiActor, apiError } from "@/lib/api-response";
import { exportAuditCsv } from "@/lib/dal/audit-log";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const actor = await apiActor();
  if (actor instanceof Response) return actor;
  const params = new URL(request.url).searchParams;
  const filter = Object.fromEntries(["person", "unitId", "action", "from", "to"].map((k) => [k, params.get(k) ?? ""]));
  try {
    const { csv } = await exportAuditCsv(actor, filter);
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="audit-${day}.csv"; filename*=UTF-8''${encodeURIComponent(`审计日志-${day}.csv`)}`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (err) {
    return apiError(err);
  }
}
