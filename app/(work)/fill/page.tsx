// /fill: the clerk's report of the open year.
import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { getOpenYear } from "@/lib/dal/years";

export default async function FillIndexPage() {
  await requireRole("clerk");
  const open = await getOpenYear();
  if (!open) {
    return (
      <section className="rounded border border-gray-200 bg-white p-6">
        <h1 className="text-lg font-semibold">本单位年报</h1>
        <p className="mt-2 text-gray-700">目前没有开放填报的年度。年度开放后，这里会显示本单位的年报填报表。</p>
      </section>
    );
  }
  redirect(`/fill/${open.year}`);
}
