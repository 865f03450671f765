// GET /api/public/reports/[year]/[unit]/[file]: a published version as v{N}.docx|xlsx|csv|json or latest.{ext}.
import { reportFile } from "@/lib/opendata/files";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ year: string; unit: string; file: string }> }) {
  return reportFile(request, await params);
}
