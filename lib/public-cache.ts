// After a publication, every cached public page is re-rendered on its next visit. Publications are rare, so the
// whole tree under the root layout is invalidated (the public routes sit in a route group, which path patterns
// would have to spell out), and the server's public page cache (lib/public-page-cache.ts) is emptied: now, and
// again once the publishing request has finished, since Next applies path revalidation when the action completes
// and a visit in between could otherwise keep a page of the previous state.
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { registeredPublicPageCache } from "@/lib/public-page-cache";

export function revalidatePublicPages(): void {
  revalidatePath("/", "layout");
  const cache = registeredPublicPageCache();
  if (cache) {
    cache.invalidate();
    after(() => cache.invalidate());
  }
}
