// GET /api/public/years/[year]: the units with published reports of a year and every version's downloads.
import { apiYear } from "@/lib/opendata/api";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ year: string }> }) {
  return apiYear(request, await params);
}
