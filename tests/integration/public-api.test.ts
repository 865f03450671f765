// The open-data API and public downloads on a fresh seeded database: every published version answers in every
// format from its snapshot, the JSON is the stored text (its SHA-256 is the content hash), ETags give 304s, unknown
// years, units and versions are JSON 404s, malformed parameters 400s, and unpublished reports appear nowhere.
import crypto from "node:crypto";
import { asc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { generateDemoSeries } from "../../db/demo-reports";
import { DEMO_FILERS } from "../../db/demo-units";
import { publications, units } from "../../db/schema";
import { seedDemo } from "../../db/seed-demo";
import { CLI_ACTOR, importReport } from "../../lib/dal/operator";
import { insertSnapshot } from "../../lib/dal/publications";
import { parseCsv, readDocx } from "../support/downloads";
import { apiIndex, apiReport, apiYear } from "../../lib/opendata/api";
import { reportFile, yearFile } from "../../lib/opendata/files";
import { CSV_HEADER, getFormat, parseInterchange, serializeInterchange } from "../../lib/report-format";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;
const EQ = { year: 2023, unit: "dept-education" };
const NARRATIVE = "=1+2 本年度我局认真贯彻落实《中华人民共和国政府信息公开条例》。";
const req = (headers: Record<string, string> = {}) => new Request("http://localhost/api/public", { headers });
const sha = (b: Uint8Array | string) => crypto.createHash("sha256").update(b).digest("hex");
const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());

type Pub = { code: string; name: string; year: number; version: number; hash: string; document: string };
async function allPublications(): Promise<Pub[]> {
  return handle.db
    .select({ code: units.code, name: units.name, year: publications.year, version: publications.version, hash: publications.contentHash, document: publications.document })
    .from(publications)
    .innerJoin(units, eq(units.id, publications.unitId))
    .orderBy(asc(publications.id));
}
const latestOf = (pubs: Pub[], year: number) => {
  const m = new Map<string, Pub>();
  for (const p of pubs.filter((x) => x.year === year)) if ((m.get(p.code)?.version ?? 0) < p.version) m.set(p.code, p);
  return m;
};

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db);
  // A published report whose narrative starts with "=", then a correction of it as v2.
  const report = structuredClone(generateDemoSeries(DEMO_FILERS.find((u) => u.code === EQ.unit)!, [EQ.year])[0]!);
  report.narratives.s1 = NARRATIVE;
  const document = serializeInterchange(report);
  await importReport(handle.db, parseInterchange(document), { year: EQ.year, unitCode: EQ.unit, status: "published", replace: false, source: "test", document });
  const [unit] = await handle.db.select().from(units).where(eq(units.code, EQ.unit));
  const corrected = { ...report, narratives: { ...report.narratives, s6: "更正：补充说明。" } };
  await handle.db.transaction((tx) => insertSnapshot(tx, { unitId: unit!.id, report: corrected, publisher: CLI_ACTOR, correctionNote: "补充第六部分", signoff: null, sourceLockVersion: null }));
});
afterAll(async () => handle.close());

describe("the API lists what is published", () => {
  it("the index names every year with published reports, and each year every unit with links to each version", async () => {
    const pubs = await allPublications();
    const index = await (await apiIndex(req())).json();
    const years = [...new Set(pubs.map((p) => p.year))].sort((a, b) => b - a);
    expect(index.years.map((y: { year: number }) => y.year)).toEqual(years);
    expect(years).not.toContain(2026);
    for (const y of index.years as { year: number; reports: number; url: string }[]) {
      expect(y.reports).toBe(latestOf(pubs, y.year).size);
      const body = await (await apiYear(req(), { year: y.url.split("/").pop()! })).json();
      const listed = body.reports.flatMap((r: { unit: { code: string }; versions: { version: number; contentHash: string }[] }) => r.versions.map((v) => `${r.unit.code}:v${v.version}:${v.contentHash}`));
      expect(listed.sort()).toEqual(pubs.filter((p) => p.year === y.year).map((p) => `${p.code}:v${p.version}:${p.hash}`).sort());
    }
  });

  it("every published report answers, and its JSON download is the stored text whose SHA-256 is the content hash", async () => {
    const pubs = await allPublications();
    expect(pubs.some((p) => p.code === "tongxin")).toBe(true);
    for (const p of pubs) {
      const res = await apiReport(req(), { year: String(p.year), unit: p.code });
      expect(res.status, `${p.code} ${p.year}`).toBe(200);
      const body = await res.json();
      const v = body.versions.find((x: { version: number }) => x.version === p.version);
      expect(v.contentHash).toBe(p.hash);
      const file = await reportFile(req(), { year: String(p.year), unit: p.code, file: v.downloads.json.split("/").pop() });
      const bytes = await bytesOf(file);
      expect(new TextDecoder().decode(bytes)).toBe(p.document);
      expect(sha(bytes)).toBe(p.hash);
      expect(file.headers.get("content-disposition")).toContain(encodeURIComponent(`${p.name}${p.year}年政府信息公开工作年度报告-v${p.version}.json`));
      const csv = parseCsv(await (await reportFile(req(), { year: String(p.year), unit: p.code, file: `v${p.version}.csv` })).text());
      const format = getFormat(parseInterchange(JSON.parse(p.document)).report.formatVersion);
      expect(csv[0]!.map((h) => h.replace(/^\uFEFF/, ""))).toEqual(CSV_HEADER);
      expect(csv.length - 1).toBe(format.cells.length);
    }
  });

  it("Word and Excel of the county report open and carry its title and version", async () => {
    const res = await reportFile(req(), { year: "2025", unit: "tongxin", file: "latest.docx" });
    expect(res.headers.get("etag")).toMatch(/^W\/"[0-9a-f]{64}-docx"$/);
    const doc = await readDocx(await bytesOf(res));
    expect(doc.paragraphs[0]!.text).toMatch(/^同心县.*2025年政府信息公开工作年度报告$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await (await reportFile(req(), { year: "2025", unit: "tongxin", file: "v1.xlsx" })).arrayBuffer()) as ArrayBuffer);
    expect(wb.worksheets).toHaveLength(1);
  });
});

describe("versions, caching and the '=' narrative", () => {
  it("lists v1 and v2 with the correction note; latest is v2; v1 is immutable", async () => {
    const body = await (await apiReport(req(), { year: String(EQ.year), unit: EQ.unit })).json();
    expect(body.latestVersion).toBe(2);
    expect(body.versions.map((v: { version: number; correctionNote: string | null }) => [v.version, v.correctionNote])).toEqual([
      [1, null],
      [2, "补充第六部分"],
    ]);
    const v1 = await reportFile(req(), { year: String(EQ.year), unit: EQ.unit, file: "v1.json" });
    expect(v1.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const latest = await reportFile(req(), { year: String(EQ.year), unit: EQ.unit, file: "latest.json" });
    expect(latest.headers.get("cache-control")).toBe("public, max-age=300");
    expect(sha(await bytesOf(latest))).toBe(body.versions[1].contentHash);
    const again = await reportFile(req({ "If-None-Match": v1.headers.get("etag")! }), { year: String(EQ.year), unit: EQ.unit, file: "v1.json" });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const api = await apiReport(req(), { year: String(EQ.year), unit: EQ.unit });
    expect((await apiReport(req({ "If-None-Match": api.headers.get("etag")! }), { year: String(EQ.year), unit: EQ.unit })).status).toBe(304);
  });

  it("a narrative starting with '=' is a text cell in Excel and plain text in Word", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await (await reportFile(req(), { year: String(EQ.year), unit: EQ.unit, file: "v1.xlsx" })).arrayBuffer()) as ArrayBuffer);
    const found: ExcelJS.Cell[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((cell) => void (cell.master.address === cell.address && cell.text.startsWith("=1+2") && found.push(cell))));
    expect(found).toHaveLength(1);
    expect(found[0]!.type).toBe(ExcelJS.ValueType.String);
    expect(found[0]!.value).toBe(NARRATIVE);
    const doc = await readDocx(await bytesOf(await reportFile(req(), { year: String(EQ.year), unit: EQ.unit, file: "v1.docx" })));
    expect(doc.paragraphs.map((p) => p.text)).toContain(NARRATIVE);
  });
});

describe("per-year files", () => {
  it("JSON is the list of the latest stored documents; CSV has every cell of each, header per §5", async () => {
    const pubs = await allPublications();
    for (const year of [2019, 2024, 2025, EQ.year]) {
      const latest = latestOf(pubs, year);
      const list = (await (await yearFile(req(), { year: String(year) }, "json")).json()) as unknown[];
      expect(list.map((d) => JSON.stringify(d, null, 2)).sort()).toEqual([...latest.values()].map((p) => p.document).sort());
      const rows = parseCsv((await (await yearFile(req(), { year: String(year) }, "csv")).text()).replace(/^\uFEFF/, ""));
      expect(rows[0]).toEqual(CSV_HEADER);
      const cells = [...latest.values()].reduce((n, p) => n + getFormat(parseInterchange(JSON.parse(p.document)).report.formatVersion).cells.length, 0);
      expect(rows.length - 1).toBe(cells);
      expect(new Set(rows.slice(1).map((r) => r[1]))).toEqual(new Set(latest.keys()));
    }
  });
});

describe("unknown, malformed and unpublished", () => {
  const expect404 = async (res: Response) => {
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/json");
    const body = await res.json();
    expect(body.code).toBe("not_found");
    expect(body.error).toMatch(/[\u4e00-\u9fff]/);
  };

  it("404s unknown years, units and versions, and every 2026 report (none is published)", async () => {
    await expect404(await apiYear(req(), { year: "2030" }));
    await expect404(await apiYear(req(), { year: "2026" }));
    await expect404(await yearFile(req(), { year: "2026" }, "csv"));
    await expect404(await yearFile(req(), { year: "2026" }, "json"));
    await expect404(await apiReport(req(), { year: "2025", unit: "no-such-unit" }));
    await expect404(await reportFile(req(), { year: "2025", unit: "dept-education", file: "v9.docx" }));
    for (const unit of ["yuhai-town", "dept-audit", "tongxin-gov-office", "dept-education"]) {
      await expect404(await apiReport(req(), { year: "2026", unit }));
      for (const ext of ["docx", "xlsx", "csv", "json"]) await expect404(await reportFile(req(), { year: "2026", unit, file: `latest.${ext}` }));
    }
  });

  it("400s malformed parameters", async () => {
    for (const res of [
      await apiYear(req(), { year: "20x5" }),
      await apiReport(req(), { year: "2025", unit: "Bad Unit" }),
      await reportFile(req(), { year: "2025", unit: "dept-education", file: "v0.docx" }),
      await reportFile(req(), { year: "2025", unit: "dept-education", file: "v1.pdf" }),
    ]) {
      expect(res.status).toBe(400);
      expect((await res.json()).code).toBe("invalid");
    }
  });
});
