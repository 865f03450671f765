// GET /api/public/years/[year]/reports.json: every latest published report of the year as a JSON array of documents.
import { yearFile } from "@/lib/opendata/files";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ year: string }> }) {
  return yearFile(request, await params, "json");
}
