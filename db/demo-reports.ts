// Deterministic, rule-clean demo reports (2021 format) for every filer, consistent from one year to the next.
import {
  computeTotals,
  emptyValues,
  getFormat,
  resultRowsOf,
  type CellValues,
  type ReportData,
} from "@/lib/report-format";
import type { DemoUnit } from "./demo-units";

/** mulberry32: a tiny seeded PRNG, so the demo data is the same on every machine and every run. */
function prng(seedText: string): () => number {
  let seed = 0;
  for (const ch of seedText) seed = (Math.imul(seed, 31) + ch.charCodeAt(0)) | 0;
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const APPLICANTS = ["natural_person", "commercial", "research", "social_org", "legal_service", "other_org"] as const;
/** How often each applicant class applies, relative to natural persons. */
const APPLICANT_SHARE = [1, 0.25, 0.03, 0.05, 0.12, 0.08];
/** How results are usually spread; the rest of the result rows stay rare. */
const RESULT_SHARE: Record<string, number> = {
  granted: 0.55,
  partially_granted: 0.12,
  unable_not_held: 0.14,
  denied_third_party_rights: 0.03,
  denied_process_info: 0.03,
  denied_admin_query: 0.02,
  unable_needs_creation: 0.03,
  unable_unclear_after_correction: 0.02,
  not_processed_petition: 0.04,
  not_processed_duplicate: 0.02,
};

function int(rand: () => number, max: number): number {
  return Math.floor(rand() * (max + 1));
}

function set(values: CellValues, address: string, n: number | string): void {
  values[address] = String(n);
}

/** Splits n over the result rows by their usual shares (largest remainder first goes to 予以公开). */
function spreadResults(n: number, rows: string[], rand: () => number): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(rows.map((r) => [r, 0]));
  let left = n;
  for (const [row, share] of Object.entries(RESULT_SHARE)) {
    if (!(row in out) || row === "granted") continue;
    const k = Math.min(left, Math.floor(n * share + rand() * 0.9));
    out[row] = k;
    left -= k;
  }
  out.granted = (out.granted ?? 0) + left;
  return out;
}

export interface DemoYearState {
  carryForward: Record<string, number>;
  inForce: { regulations: number; normative_documents: number };
}

export function generateDemoReport(unit: DemoUnit, year: number, previous: DemoYearState | null): { report: ReportData; state: DemoYearState } {
  const format = getFormat("2021");
  const rand = prng(`${unit.code}:${year}`);
  const values = emptyValues(format);
  const w = unit.weight;
  const isTownship = unit.kind === "township";

  // T2 主动公开
  const madeReg = unit.kind === "gov_office" ? int(rand, 1) : 0; // only governments make 规章; a county seldom does
  const prevReg = previous?.inForce.regulations ?? (unit.kind === "gov_office" ? 2 : 0);
  const repealedReg = Math.min(prevReg, int(rand, madeReg));
  const madeDoc = isTownship ? int(rand, 2) : int(rand, 2 + w);
  const prevDoc = previous?.inForce.normative_documents ?? (isTownship ? 3 + int(rand, 4) : 8 + int(rand, 6 * w));
  const repealedDoc = Math.min(prevDoc, int(rand, 2));
  const inForce = { regulations: prevReg + madeReg - repealedReg, normative_documents: prevDoc + madeDoc - repealedDoc };
  set(values, "active_disclosure.regulations.made", madeReg);
  set(values, "active_disclosure.regulations.repealed", repealedReg);
  set(values, "active_disclosure.regulations.in_force", inForce.regulations);
  set(values, "active_disclosure.normative_documents.made", madeDoc);
  set(values, "active_disclosure.normative_documents.repealed", repealedDoc);
  set(values, "active_disclosure.normative_documents.in_force", inForce.normative_documents);
  set(values, "active_disclosure.admin_licensing.decisions", isTownship ? int(rand, 40) : w * 60 + int(rand, w * 90));
  set(values, "active_disclosure.admin_penalty.decisions", isTownship ? int(rand, 6) : w * 8 + int(rand, w * 15));
  set(values, "active_disclosure.admin_coercion.decisions", isTownship ? 0 : int(rand, w * 2));
  const fee = isTownship ? 0 : Math.round(rand() * w * 1_500_000) / 10_000; // 万元 with up to 4 decimals
  values["active_disclosure.admin_fees.amount"] = String(fee);

  // T3 依申请公开, column by column so that T3-BAL holds everywhere.
  const resultRows = resultRowsOf(format);
  const carryForward: Record<string, number> = {};
  const base = isTownship ? 2 : w * 4;
  for (const [i, col] of APPLICANTS.entries()) {
    const received = Math.round(base * APPLICANT_SHARE[i]! * (0.6 + rand() * 0.8));
    const carried = previous?.carryForward[col] ?? (i === 0 ? int(rand, 1) : 0);
    const open = Math.min(received + carried, int(rand, i === 0 ? Math.ceil(w / 2) : 0));
    const spread = spreadResults(received + carried - open, resultRows, rand);
    set(values, `applications.new_received.${col}`, received);
    set(values, `applications.carried_over.${col}`, carried);
    for (const row of resultRows) set(values, `applications.${row}.${col}`, spread[row] ?? 0);
    set(values, `applications.carry_forward.${col}`, open);
    carryForward[col] = open;
  }

  // T4 复议、诉讼: rare, and only at the bigger units.
  for (const group of ["admin_review", "litigation_direct", "litigation_after_review"]) {
    const big = !isTownship && w >= 3;
    set(values, `review_litigation.${group}.upheld`, big ? int(rand, 2) : 0);
    set(values, `review_litigation.${group}.corrected`, big && group === "admin_review" ? int(rand, 1) : 0);
    set(values, `review_litigation.${group}.other`, 0);
    set(values, `review_litigation.${group}.pending`, big ? int(rand, 1) : 0);
  }

  const totals = computeTotals(format, values);
  const received = totals["applications.new_received.total"];
  const report: ReportData = {
    formatVersion: "2021",
    year,
    unit: { code: unit.code, name: unit.name },
    narratives: {
      preamble:
        `本报告依据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》编制，` +
        `所列数据统计期限为 ${year} 年 1 月 1 日至 ${year} 年 12 月 31 日。本报告电子版可在同心县人民政府门户网站查阅。`,
      s1:
        `${year} 年，${unit.name}认真贯彻落实《中华人民共和国政府信息公开条例》，围绕县委、县政府中心工作，持续推进政务公开标准化规范化建设。\n\n` +
        `**主动公开方面**，全年新制发行政规范性文件 ${madeDoc} 件，行政许可、行政处罚等信息均在规定时限内公开。` +
        `**依申请公开方面**，全年新收政府信息公开申请 ${received} 件，均在法定期限内答复。` +
        `**政府信息管理和平台建设方面**，定期清理行政规范性文件，及时更新政府信息公开专栏。` +
        `**监督保障方面**，将政务公开纳入年度考核，开展业务培训。`,
      s5:
        `存在的问题：一是公开内容的及时性、完整性仍需提高；二是政策解读形式较为单一。\n\n` +
        `改进措施：一是**健全信息发布审核机制**，压实各股室责任；二是**丰富解读形式**，更多采用图解、问答等方式。`,
      s6: `本年度未收取信息处理费。`,
    },
    values,
  };
  return { report, state: { carryForward, inForce } };
}

/** Reports for the given consecutive years, each carrying over from the one before. */
export function generateDemoSeries(unit: DemoUnit, years: number[]): ReportData[] {
  let state: DemoYearState | null = null;
  return years.map((year) => {
    const out = generateDemoReport(unit, year, state);
    state = out.state;
    return out.report;
  });
}
