// The root URL: signed-in users go to their role's home; everyone else sees the published reports.
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { homePath } from "@/lib/auth/policy";
import { getOpenYear } from "@/lib/dal/years";

export default async function RootPage() {
  const actor = await getActor();
  if (!actor) redirect("/reports");
  if (actor.mustChangePassword) redirect("/account/password");
  redirect(homePath(actor, (await getOpenYear())?.year ?? null));
}
