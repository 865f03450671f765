// Date and time display in Asia/Shanghai, the time zone of every deadline and record.
const dateTime = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});
const time = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", hour12: false });

export function formatDateTime(d: Date | null | undefined): string {
  return d ? dateTime.format(d) : "—";
}

export function formatTime(d: Date): string {
  return time.format(d);
}

/** "2027-01-31" → "2027年1月31日". */
export function formatLocalDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}
