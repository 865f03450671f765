// Route parameters of the open-data API, checked with zod: a malformed one is a 400, never a database query.
import { z } from "zod";
import { DOWNLOAD_FORMATS, type DownloadFormat } from "@/lib/export/download-formats";
import { parseUnitCodeParam, parseYearParam } from "@/lib/params";
import type { VersionRef } from "./links";
import { errorJson } from "./http";

const fileSchema = z.string().regex(new RegExp(`^(latest|v[1-9]\\d{0,4})\\.(${DOWNLOAD_FORMATS.join("|")})$`));

export function yearParam(raw: string): number | Response {
  return parseYearParam(raw) ?? errorJson(400, `年度“${raw.slice(0, 20)}”无效：应为 2019 年以后的四位数字，如 2025。`);
}

export function unitParam(raw: string): string | Response {
  let code: string | null = null;
  try {
    code = parseUnitCodeParam(raw);
  } catch {
    code = null; // a malformed %-escape
  }
  return code ?? errorJson(400, "单位代码无效：应为小写字母、数字和连字符，如 dept-education。");
}

export function fileParam(raw: string): { version: VersionRef; format: DownloadFormat } | Response {
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) return errorJson(400, "文件名无效：应为 v1.docx、v2.xlsx、latest.csv、latest.json 这样的形式。");
  const [ref, ext] = parsed.data.split(".") as [string, DownloadFormat];
  return { version: ref === "latest" ? "latest" : Number(ref.slice(1)), format: ext };
}
