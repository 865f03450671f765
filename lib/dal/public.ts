// Reads for the public site: published snapshots only (drafts, submissions and approvals never leave through here).
// No actor: everything here is public by definition.
import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { publicationLinks, publications, units } from "@/db/schema";
import { parseInterchange, type ReportData } from "@/lib/report-format";
import { UNIT_KIND_LABELS, type UnitKind } from "./units";

export interface PublishedItem {
  publicationId: number;
  unitCode: string;
  unitName: string;
  kind: UnitKind;
  kindLabel: string;
  year: number;
  version: number;
  publishedAt: Date;
}

const kindLabel = (kind: UnitKind) => (kind === "region" ? "县级汇总" : UNIT_KIND_LABELS[kind]);

/** The latest version of every published report (optionally of one year), in unit order. */
export async function listPublished(year?: number): Promise<PublishedItem[]> {
  const db = await getDb();
  const rows = await db
    .select({
      publicationId: publications.id,
      unitCode: units.code,
      unitName: units.name,
      kind: units.kind,
      sortOrder: units.sortOrder,
      year: publications.year,
      version: publications.version,
      publishedAt: publications.publishedAt,
    })
    .from(publications)
    .innerJoin(units, eq(units.id, publications.unitId))
    .where(year ? eq(publications.year, year) : undefined)
    .orderBy(desc(publications.year), asc(units.sortOrder), asc(units.id), desc(publications.version));
  const latest = new Map<string, PublishedItem>();
  for (const r of rows) {
    const key = `${r.year}:${r.unitCode}`;
    if (!latest.has(key)) latest.set(key, { ...r, kindLabel: kindLabel(r.kind) });
  }
  return [...latest.values()];
}

export interface PublicVersion {
  version: number;
  publishedAt: Date;
  correctionNote: string | null;
  contentHash: string;
  links: string[];
}

export interface PublicReport {
  unit: { code: string; name: string; kind: UnitKind };
  year: number;
  version: number;
  report: ReportData;
  /** The published JSON text, byte for byte (its SHA-256 is the content hash). */
  documentText: string;
  versions: PublicVersion[];
}

// Parsed snapshots never change, so they are kept by publication id.
const parsed = new Map<number, ReportData>();

function parsedSnapshot(publicationId: number, documentText: string): ReportData {
  let report = parsed.get(publicationId);
  if (!report) {
    report = parseInterchange(JSON.parse(documentText)).report;
    parsed.set(publicationId, report);
  }
  return report;
}

/** A published report (the latest version unless one is named) with all its versions; null when there is none. */
export async function getPublicReport(unitCode: string, year: number, version?: number): Promise<PublicReport | null> {
  const db = await getDb();
  const rows = await db
    .select({ p: publications, unit: units })
    .from(publications)
    .innerJoin(units, eq(units.id, publications.unitId))
    .where(and(eq(units.code, unitCode), eq(publications.year, year)))
    .orderBy(desc(publications.version));
  if (!rows.length) return null;
  const chosen = version ? rows.find((r) => r.p.version === version) : rows[0];
  if (!chosen) return null;
  const links = await db
    .select()
    .from(publicationLinks)
    .innerJoin(publications, eq(publications.id, publicationLinks.publicationId))
    .where(and(eq(publications.unitId, chosen.unit.id), eq(publications.year, year)));
  const report = parsedSnapshot(chosen.p.id, chosen.p.document);
  return {
    unit: { code: chosen.unit.code, name: chosen.unit.name, kind: chosen.unit.kind },
    year,
    version: chosen.p.version,
    report,
    documentText: chosen.p.document,
    versions: rows.map((r) => ({
      version: r.p.version,
      publishedAt: r.p.publishedAt,
      correctionNote: r.p.correctionNote,
      contentHash: r.p.contentHash,
      links: links.filter((l) => l.publication_links.publicationId === r.p.id).map((l) => l.publication_links.url),
    })),
  };
}

/** Latest published snapshots of every filer, per year: the data of the public overview and charts. */
export async function publishedFilerReports(): Promise<Map<number, ReportData[]>> {
  const byYear = new Map<number, ReportData[]>();
  for (const s of await latestSnapshots()) {
    if (s.kind === "region") continue;
    byYear.set(s.year, [...(byYear.get(s.year) ?? []), s.report]);
  }
  return byYear;
}

/** One published version without its document: what the open-data API lists. */
export interface PublishedVersionRow {
  unitCode: string;
  unitName: string;
  kind: UnitKind;
  kindLabel: string;
  year: number;
  version: number;
  publishedAt: Date;
  correctionNote: string | null;
  contentHash: string;
}

/** Every published version (of one year, or of one unit and year), newest year first, units in order, v1 first. */
export async function listPublishedVersions(filter: { year?: number; unitCode?: string } = {}): Promise<PublishedVersionRow[]> {
  const db = await getDb();
  const rows = await db
    .select({
      unitCode: units.code,
      unitName: units.name,
      kind: units.kind,
      year: publications.year,
      version: publications.version,
      publishedAt: publications.publishedAt,
      correctionNote: publications.correctionNote,
      contentHash: publications.contentHash,
    })
    .from(publications)
    .innerJoin(units, eq(units.id, publications.unitId))
    .where(and(filter.year ? eq(publications.year, filter.year) : undefined, filter.unitCode ? eq(units.code, filter.unitCode) : undefined))
    .orderBy(desc(publications.year), asc(units.sortOrder), asc(units.id), asc(publications.version));
  return rows.map((r) => ({ ...r, kindLabel: kindLabel(r.kind) }));
}

export interface PublishedSnapshot {
  unitCode: string;
  kind: UnitKind;
  year: number;
  version: number;
  contentHash: string;
  /** The published JSON text, byte for byte. */
  documentText: string;
  report: ReportData;
}

/** The latest published snapshot of every unit and year (or of one year), newest year first, in unit order. */
async function latestSnapshots(year?: number): Promise<PublishedSnapshot[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: publications.id,
      unitCode: units.code,
      kind: units.kind,
      year: publications.year,
      version: publications.version,
      contentHash: publications.contentHash,
      documentText: publications.document,
    })
    .from(publications)
    .innerJoin(units, eq(units.id, publications.unitId))
    .where(year ? eq(publications.year, year) : undefined)
    .orderBy(desc(publications.year), asc(units.sortOrder), asc(units.id), desc(publications.version));
  const latest = new Map<string, PublishedSnapshot>();
  for (const { id, ...r } of rows) {
    const key = `${r.year}:${r.unitCode}`;
    if (!latest.has(key)) latest.set(key, { ...r, report: parsedSnapshot(id, r.documentText) });
  }
  return [...latest.values()];
}

/** The latest published snapshot of every unit (and the county) of a year, in unit order: the per-year files. */
export function latestSnapshotsOfYear(year: number): Promise<PublishedSnapshot[]> {
  return latestSnapshots(year);
}
