// A report status shown with its agreed colour (design.md "Look and feel").
const COLORS: Record<string, string> = {
  not_started: "bg-gray-100 text-status-not-started",
  draft: "bg-blue-50 text-status-draft",
  submitted: "bg-amber-50 text-status-submitted",
  returned: "bg-red-50 text-status-returned",
  approved: "bg-green-50 text-status-approved",
  published: "bg-green-100 text-status-published",
  correcting: "bg-blue-50 text-status-draft",
};

export function StatusBadge({ status, label }: { status: string; label: string }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${COLORS[status] ?? ""}`} data-status={status}>
      {label}
    </span>
  );
}
