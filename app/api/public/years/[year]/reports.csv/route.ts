// GET /api/public/years/[year]/reports.csv: every latest published report of the year as one CSV (interchange §5).
import { yearFile } from "@/lib/opendata/files";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ year: string }> }) {
  return yearFile(request, await params, "csv");
}
