// Published versions: frozen snapshots with a content hash, sign-offs before publishing, portal links after, and
// the reads the public site uses (published snapshots only: nothing else ever leaves through these functions).
import "server-only";
import crypto from "node:crypto";
import { and, asc, desc, eq, max } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db, type Tx } from "@/db/client";
import { publicationLinks, publications, signoffs, units } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseInterchange, serializeInterchange, type ReportData } from "@/lib/report-format";
import { recordAudit } from "./audit";
import { ancestorsFn, getFilerInScope, loadUnitTree } from "./units";
import { isUnitInScope } from "@/lib/auth/policy";

/** A filer or a region the supervisor may act on; anything else is "not found". */
async function assertUnitInScope(actor: Actor, code: string): Promise<void> {
  const tree = await loadUnitTree();
  const unit = tree.find((u) => u.code === code);
  if (!unit || actor.role !== "supervisor" || !isUnitInScope(actor, unit.id, ancestorsFn(tree))) throw new NotFoundError();
}

/** SHA-256 of the published JSON text, which is stored and served byte for byte. */
export function contentHash(documentText: string): string {
  return crypto.createHash("sha256").update(documentText, "utf8").digest("hex");
}

export async function latestVersion(db: Db | Tx, unitId: number, year: number): Promise<number> {
  const [row] = await db.select({ v: max(publications.version) }).from(publications).where(and(eq(publications.unitId, unitId), eq(publications.year, year)));
  return row?.v ?? 0;
}

/** Writes the next version's snapshot; the caller holds the report's row lock, so versions cannot collide. */
export async function insertSnapshot(
  tx: Tx,
  input: {
    unitId: number;
    report: ReportData;
    publisher: { id: number | null; displayName: string };
    correctionNote: string | null;
    signoff: unknown;
    sourceLockVersion: number | null;
  },
): Promise<{ version: number; contentHash: string }> {
  const version = (await latestVersion(tx, input.unitId, input.report.year)) + 1;
  if (version > 1 && !input.correctionNote?.trim()) throw new ValidationError("发布更正版本须填写更正说明。");
  const document = JSON.stringify(serializeInterchange(input.report), null, 2);
  const hash = contentHash(document);
  await tx.insert(publications).values({
    unitId: input.unitId,
    year: input.report.year,
    version,
    formatVersion: input.report.formatVersion,
    document,
    contentHash: hash,
    publishedBy: input.publisher.id,
    publisherName: input.publisher.displayName,
    correctionNote: version > 1 ? input.correctionNote!.trim() : null,
    signoff: input.signoff ?? null,
    sourceLockVersion: input.sourceLockVersion,
  });
  return { version, contentHash: hash };
}

const signoffSchema = z.object({
  unitCode: z.string().min(1).max(64),
  year: z.number().int().min(2019).max(2100),
  lockVersion: z.number().int().min(0),
  reviewerName: z.string().trim().min(2, "请填写审查人姓名").max(50),
  note: z.string().trim().max(1000).optional(),
});

/** Records a named reviewer's 保密审查 / content review of one content version of a report. */
export async function recordSignoff(actor: Actor, raw: unknown): Promise<void> {
  if (actor.role !== "supervisor") throw new NotFoundError();
  const parsed = signoffSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0]?.message ?? "请求无效。");
  const db = await getDb();
  const unit = await getFilerInScope(actor, parsed.data.unitCode, db);
  await db.transaction(async (tx) => {
    await tx.insert(signoffs).values({
      unitId: unit.id,
      year: parsed.data.year,
      lockVersion: parsed.data.lockVersion,
      reviewerName: parsed.data.reviewerName,
      note: parsed.data.note ?? null,
      recordedBy: actor.id,
    });
    await recordAudit(tx, { actor, action: "report.signoff", targetType: "unit", targetId: unit.id, unitId: unit.id, summary: `记录 ${unit.name} ${parsed.data.year} 年度年报的保密审查（审查人 ${parsed.data.reviewerName}）` });
  });
}

export async function findSignoff(db: Db | Tx, unitId: number, year: number, lockVersion: number) {
  const [row] = await db
    .select()
    .from(signoffs)
    .where(and(eq(signoffs.unitId, unitId), eq(signoffs.year, year), eq(signoffs.lockVersion, lockVersion)))
    .orderBy(desc(signoffs.recordedAt))
    .limit(1);
  return row ?? null;
}

const linkSchema = z.object({ publicationId: z.number().int().positive(), url: z.url("请填写完整的网址，如 https://www.example.gov.cn/…").max(500) });

/** 网址回填: records where a published version also appears on the government portal. */
export async function addPortalLink(actor: Actor, raw: unknown): Promise<void> {
  if (actor.role !== "supervisor") throw new NotFoundError();
  const parsed = linkSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0]?.message ?? "网址无效。");
  if (!/^https?:\/\//i.test(parsed.data.url)) throw new ValidationError("网址须以 http:// 或 https:// 开头。");
  const db = await getDb();
  const [pub] = await db.select({ unitId: publications.unitId, code: units.code, year: publications.year, version: publications.version }).from(publications).innerJoin(units, eq(units.id, publications.unitId)).where(eq(publications.id, parsed.data.publicationId));
  if (!pub) throw new NotFoundError();
  await assertUnitInScope(actor, pub.code);
  await db.transaction(async (tx) => {
    await tx.insert(publicationLinks).values({ publicationId: parsed.data.publicationId, url: parsed.data.url, recordedBy: actor.id });
    await recordAudit(tx, { actor, action: "publication.link", targetType: "publication", targetId: parsed.data.publicationId, unitId: pub.unitId, summary: `回填 ${pub.year} 年度 v${pub.version} 的门户网站网址` });
  });
}

export interface PublicationDto {
  id: number;
  version: number;
  publishedAt: Date;
  publisherName: string;
  correctionNote: string | null;
  contentHash: string;
  signoff: { reviewerName: string; at: string } | null;
  links: string[];
}

/** Every published version of a unit's report of a year, newest first (public: snapshots only). */
export async function listPublications(unitId: number, year: number): Promise<PublicationDto[]> {
  const db = await getDb();
  const rows = await db.select().from(publications).where(and(eq(publications.unitId, unitId), eq(publications.year, year))).orderBy(desc(publications.version));
  const links = rows.length ? await db.select().from(publicationLinks).orderBy(asc(publicationLinks.recordedAt)) : [];
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    publishedAt: r.publishedAt,
    publisherName: r.publisherName,
    correctionNote: r.correctionNote,
    contentHash: r.contentHash,
    signoff: (r.signoff as PublicationDto["signoff"]) ?? null,
    links: links.filter((l) => l.publicationId === r.id).map((l) => l.url),
  }));
}

/** A published snapshot as report data (the latest version unless one is named); null when nothing is published. */
export async function getPublishedReport(unitCode: string, year: number, version?: number): Promise<{ report: ReportData; version: number; unitId: number } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ p: publications })
    .from(publications)
    .innerJoin(units, eq(units.id, publications.unitId))
    .where(and(eq(units.code, unitCode), eq(publications.year, year), version ? eq(publications.version, version) : undefined))
    .orderBy(desc(publications.version))
    .limit(1);
  if (!row) return null;
  return { report: parseInterchange(JSON.parse(row.p.document)).report, version: row.p.version, unitId: row.p.unitId };
}
