// GET /api/public/reports/[year]/[unit]: one published report with its versions, hashes, notes and downloads.
import { apiReport } from "@/lib/opendata/api";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ year: string; unit: string }> }) {
  return apiReport(request, await params);
}
