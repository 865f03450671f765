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
  let report = parsed.get(chosen.p.id);
  if (!report) {
    report = parseInterchange(JSON.parse(chosen.p.document)).report;
    parsed.set(chosen.p.id, report);
  }
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
  const items = (await listPublished()).filter((i) => i.kind !== "region");
  const byYear = new Map<number, ReportData[]>();
  for (const item of items) {
    const r = await getPublicReport(item.unitCode, item.year, item.version);
    if (!r) continue;
    byYear.set(item.year, [...(byYear.get(item.year) ?? []), r.report]);
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
  version: number;
  contentHash: string;
  /** The published JSON text, byte for byte. */
  documentText: string;
  report: ReportData;
}

/** The latest published snapshot of every unit (and the county) of a year, in unit order: the per-year files. */
export async function latestSnapshotsOfYear(year: number): Promise<PublishedSnapshot[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: publications.id, unitCode: units.code, version: publications.version, contentHash: publications.contentHash, documentText: publications.document })
    .from(publications)
    .innerJoin(units, eq(units.id, publications.unitId))
    .where(eq(publications.year, year))
    .orderBy(asc(units.sortOrder), asc(units.id), desc(publications.version));
  const latest = new Map<string, PublishedSnapshot>();
  for (const r of rows) {
    if (latest.has(r.unitCode)) continue;
    let report = parsed.get(r.id);
    if (!report) {
      report = parseInterchange(JSON.parse(r.documentText)).report;
      parsed.set(r.id, report);
    }
    latest.set(r.unitCode, { unitCode: r.unitCode, version: r.version, contentHash: r.contentHash, documentText: r.documentText, report });
  }
  return [...latest.values()];
}
