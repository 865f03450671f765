// What a published file says about its publication (version, date, correction note), shared by the Word and Excel writers.

export interface PublicationMeta {
  /** Publication number (v1, v2…) of a published snapshot. */
  version?: number;
  publishedAt?: Date;
  /** Printed under the title of a corrected publication. */
  correctionNote?: string;
}

/** "2026年3月31日" in Asia/Shanghai, as the date of a document is written. */
export function chineseDate(date: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "numeric", day: "numeric" }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? "0");
  return `${get("year")}年${get("month")}月${get("day")}日`;
}

/** "更正说明（第2版）：" before the note of a corrected publication. */
export function correctionLabel(meta: PublicationMeta): string {
  return meta.version ? `更正说明（第${meta.version}版）：` : "更正说明：";
}
