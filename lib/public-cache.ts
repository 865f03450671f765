// After a publication, every cached public page is re-rendered on its next visit. Publications are rare, so the
// whole tree under the root layout is invalidated (the public routes sit in a route group, which path patterns
// would have to spell out).
import { revalidatePath } from "next/cache";

export function revalidatePublicPages(): void {
  revalidatePath("/", "layout");
}
