// GET /api/public: the open-data API's index (years with published reports and their links); see docs/api.md.
import { apiIndex } from "@/lib/opendata/api";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return apiIndex(request);
}
