// The database schema: the only place that knows table and column names (drizzle-kit generates migrations from it).
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** region = has children and no figures (its report is a roll-up); the others are filers (leaves). */
export const unitKind = pgEnum("unit_kind", ["region", "gov_office", "township", "department"]);
export const userRole = pgEnum("user_role", ["clerk", "supervisor", "admin"]);
export const yearStatus = pgEnum("year_status", ["open", "closed"]);
export const reportStatus = pgEnum("report_status", [
  "draft",
  "submitted",
  "returned",
  "approved",
  "published",
  "correcting",
]);

export const units = pgTable(
  "units",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    kind: unitKind("kind").notNull(),
    parentId: integer("parent_id").references((): AnyPgColumn => units.id),
    sortOrder: integer("sort_order").notNull().default(0),
    active: boolean("active").notNull().default(true),
    /** After a merge (机构改革): the unit that carries on this one's work; carry-over and comparisons follow it. */
    successorId: integer("successor_id").references((): AnyPgColumn => units.id),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("units_code_key").on(t.code),
    index("units_parent_idx").on(t.parentId),
    check("units_code_format", sql`${t.code} ~ '^[a-z0-9][a-z0-9-]*$'`),
  ],
);

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull(),
    /** The filer unit a clerk fills in for (and the unit a supervisor sits in, for display). */
    unitId: integer("unit_id").references(() => units.id),
    /** A supervisor's scope: every filer below this region. Not derived from unitId on purpose. */
    regionId: integer("region_id").references(() => units.id),
    phone: text("phone"),
    active: boolean("active").notNull().default(true),
    failedSignIns: integer("failed_sign_ins").notNull().default(0),
    lockedUntil: ts("locked_until"),
    /** Bumped to end every open session of the user (deactivation, role or password change). */
    sessionEpoch: integer("session_epoch").notNull().default(1),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    passwordChangedAt: ts("password_changed_at"),
    lastSignInAt: ts("last_sign_in_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_username_key").on(sql`lower(${t.username})`)],
);

export const reportingYears = pgTable(
  "reporting_years",
  {
    year: integer("year").primaryKey(),
    formatVersion: text("format_version").notNull(),
    /** Local dates in Asia/Shanghai. */
    unitDeadline: date("unit_deadline", { mode: "string" }).notNull(),
    countyDeadline: date("county_deadline", { mode: "string" }).notNull(),
    status: yearStatus("status").notNull().default("open"),
    signoffRequired: boolean("signoff_required").notNull().default(false),
  },
  (t) => [check("reporting_years_format", sql`${t.formatVersion} in ('2019', '2021')`)],
);

export const unitReports = pgTable(
  "unit_reports",
  {
    id: serial("id").primaryKey(),
    year: integer("year")
      .notNull()
      .references(() => reportingYears.year),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    status: reportStatus("status").notNull().default("draft"),
    /** Advances on every save (optimistic locking at report level; cells are also checked one by one). */
    lockVersion: integer("lock_version").notNull().default(0),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    updatedBy: integer("updated_by").references(() => users.id),
    statusChangedAt: ts("status_changed_at").notNull().defaultNow(),
    statusChangedBy: integer("status_changed_by").references(() => users.id),
  },
  (t) => [uniqueIndex("unit_reports_year_unit_key").on(t.year, t.unitId)],
);

export const reportCells = pgTable(
  "report_cells",
  {
    reportId: integer("report_id")
      .notNull()
      .references(() => unitReports.id, { onDelete: "cascade" }),
    /** Cell address per interchange.md §2, e.g. applications.new_received.natural_person. */
    cell: text("cell").notNull(),
    /** Exact value in the cell's canonical unit; NULL = blank (blank is not 0). */
    value: numeric("value"),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    updatedBy: integer("updated_by").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.cell] })],
);

export const reportNarratives = pgTable(
  "report_narratives",
  {
    reportId: integer("report_id")
      .notNull()
      .references(() => unitReports.id, { onDelete: "cascade" }),
    section: text("section").notNull(),
    body: text("body").notNull().default(""),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    updatedBy: integer("updated_by").references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.section] }),
    check("report_narratives_section", sql`${t.section} in ('preamble', 's1', 's5', 's6')`),
  ],
);

/** A historical report loaded from an interchange file: the file as it was and the issues it raised. */
export const reportImports = pgTable("report_imports", {
  id: serial("id").primaryKey(),
  reportId: integer("report_id")
    .notNull()
    .references(() => unitReports.id, { onDelete: "cascade" }),
  source: text("source").notNull(),
  document: jsonb("document").notNull(),
  issues: jsonb("issues").notNull(),
  importedAt: ts("imported_at").notNull().defaultNow(),
});

/** Append-only: the database refuses UPDATE and DELETE (trigger in a custom migration). */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: ts("at").notNull().defaultNow(),
    actorId: integer("actor_id").references(() => users.id),
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    unitId: integer("unit_id").references(() => units.id),
    summary: text("summary").notNull(),
    ip: text("ip"),
  },
  (t) => [index("audit_events_at_idx").on(t.at), index("audit_events_actor_idx").on(t.actorId)],
);

export type UnitRow = typeof units.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type ReportingYearRow = typeof reportingYears.$inferSelect;
export type UnitReportRow = typeof unitReports.$inferSelect;

/**
 * Every status change of a unit report, with its reason (return, reopen, correction) or, for a submission, the
 * warnings the clerk explained and their explanations. The latest row explains the current status.
 */
export const reportTransitions = pgTable(
  "report_transitions",
  {
    id: serial("id").primaryKey(),
    reportId: integer("report_id")
      .notNull()
      .references(() => unitReports.id, { onDelete: "cascade" }),
    action: text("action").notNull(),
    fromStatus: reportStatus("from_status").notNull(),
    toStatus: reportStatus("to_status").notNull(),
    actorId: integer("actor_id").references(() => users.id),
    at: ts("at").notNull().defaultNow(),
    reason: text("reason"),
    /** Submission: [{ rule, cell, message, explanation }] for every warning the report had. */
    explanations: jsonb("explanations"),
    /** lock_version of the report at the transition, so reviewers know exactly which content was acted on. */
    lockVersion: integer("lock_version").notNull(),
  },
  (t) => [index("report_transitions_report_idx").on(t.reportId, t.at)],
);

/**
 * One row per sign-in. The session cookie only carries this id; a session is valid while its row is open, it was
 * used within the idle timeout, and it is younger than the absolute limit. Signing out closes the row, so a copy
 * of the cookie (or one a late response sets again) is worthless afterwards.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: ts("created_at").notNull().defaultNow(),
    lastSeenAt: ts("last_seen_at").notNull().defaultNow(),
    endedAt: ts("ended_at"),
    endReason: text("end_reason"),
    ip: text("ip"),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId)],
);

/**
 * The history of a report's content: one row per save with the cells and paragraphs it changed (from → to) and
 * the lock_version it produced, so any earlier version can be rebuilt and a reviewer sees what changed when.
 */
export const reportChanges = pgTable(
  "report_changes",
  {
    id: serial("id").primaryKey(),
    reportId: integer("report_id")
      .notNull()
      .references(() => unitReports.id, { onDelete: "cascade" }),
    actorId: integer("actor_id").references(() => users.id),
    at: ts("at").notNull().defaultNow(),
    /** lock_version of the report after this save. */
    lockVersion: integer("lock_version").notNull(),
    /** [{ cell, from, to }] with canonical values (null = blank). */
    cells: jsonb("cells").notNull(),
    /** [{ section, from, to }] with whole texts. */
    narratives: jsonb("narratives").notNull(),
  },
  (t) => [index("report_changes_report_idx").on(t.reportId, t.lockVersion)],
);

/** Review comments pinned to a cell, a narrative section or the whole report; replies point to their thread. */
export const reportComments = pgTable(
  "report_comments",
  {
    id: serial("id").primaryKey(),
    reportId: integer("report_id")
      .notNull()
      .references(() => unitReports.id, { onDelete: "cascade" }),
    parentId: integer("parent_id").references((): AnyPgColumn => reportComments.id),
    /** A cell address, "narratives.<section>", or "report". */
    target: text("target").notNull(),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    resolvedAt: ts("resolved_at"),
    resolvedBy: integer("resolved_by").references(() => users.id),
  },
  (t) => [index("report_comments_report_idx").on(t.reportId)],
);

/** 催报: a supervisor's reminder to a unit that has not submitted; shown on the clerk's home. */
export const reminders = pgTable(
  "reminders",
  {
    id: serial("id").primaryKey(),
    year: integer("year")
      .notNull()
      .references(() => reportingYears.year),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    sentBy: integer("sent_by")
      .notNull()
      .references(() => users.id),
    sentAt: ts("sent_at").notNull().defaultNow(),
    message: text("message").notNull(),
  },
  (t) => [index("reminders_unit_idx").on(t.year, t.unitId)],
);

/** When a user last looked at something (the board of a year, a report), for "new since your last visit". */
export const lastVisits = pgTable(
  "last_visits",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    place: text("place").notNull(),
    at: ts("at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.place] })],
);

/**
 * Published versions: frozen snapshots of a report (the interchange document with totals), numbered v1, v2… per
 * unit and year, with a SHA-256 of the document. The database refuses UPDATE and DELETE (trigger); public pages read
 * only these rows.
 */
export const publications = pgTable(
  "publications",
  {
    id: serial("id").primaryKey(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    year: integer("year")
      .notNull()
      .references(() => reportingYears.year),
    version: integer("version").notNull(),
    formatVersion: text("format_version").notNull(),
    /** The interchange document exactly as published (text, not jsonb, so its bytes and hash never change). */
    document: text("document").notNull(),
    contentHash: text("content_hash").notNull(),
    publishedAt: ts("published_at").notNull().defaultNow(),
    publishedBy: integer("published_by").references(() => users.id),
    publisherName: text("publisher_name").notNull(),
    /** 更正说明: required from v2 on. */
    correctionNote: text("correction_note"),
    /** The sign-off (保密审查 / content review) this version was published under, when the year requires one. */
    signoff: jsonb("signoff"),
    /** lock_version of the unit report that was published (null for imported historical reports). */
    sourceLockVersion: integer("source_lock_version"),
  },
  (t) => [uniqueIndex("publications_unit_year_version_key").on(t.unitId, t.year, t.version)],
);

/** 网址回填: where a version was also published on the government portal (kept apart so snapshots never change). */
export const publicationLinks = pgTable("publication_links", {
  id: serial("id").primaryKey(),
  publicationId: integer("publication_id")
    .notNull()
    .references(() => publications.id),
  url: text("url").notNull(),
  recordedBy: integer("recorded_by").references(() => users.id),
  recordedAt: ts("recorded_at").notNull().defaultNow(),
});

/** 保密审查 / content review before publishing, recorded by a named reviewer for one content version. */
export const signoffs = pgTable(
  "signoffs",
  {
    id: serial("id").primaryKey(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    year: integer("year").notNull(),
    lockVersion: integer("lock_version").notNull(),
    reviewerName: text("reviewer_name").notNull(),
    note: text("note"),
    recordedBy: integer("recorded_by").references(() => users.id),
    recordedAt: ts("recorded_at").notNull().defaultNow(),
  },
  (t) => [index("signoffs_unit_year_idx").on(t.unitId, t.year)],
);

/** A region report (汇总报告): draft until published (lib/dal/region-publish); a correction reopens it. */
export const regionReportStatus = pgEnum("region_report_status", ["draft", "published", "correcting"]);

/**
 * One contribution to a roll-up as it was when rolled up: a filer's unit report (source "report", its id and
 * lock_version) or a child region's stored roll-up (source "region", its region report id and rollup_version).
 */
export interface RollupSnapshotEntry {
  unitId: number;
  source: "report" | "region";
  id: number;
  version: number;
}

/**
 * The report of a region (county, city) for a year: the stored roll-up of its children (region_report_cells) with
 * what it included, so the page shows the rolled-up state until it is refreshed and can say when it is stale.
 */
export const regionReports = pgTable(
  "region_reports",
  {
    id: serial("id").primaryKey(),
    year: integer("year")
      .notNull()
      .references(() => reportingYears.year),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    status: regionReportStatus("status").notNull().default("draft"),
    /** Advances on every change (roll-up, narratives): optimistic locking of the page's forms. */
    lockVersion: integer("lock_version").notNull().default(0),
    /** Advances on every roll-up only: what a parent region's snapshot records, so narrative edits do not make it stale. */
    rollupVersion: integer("rollup_version").notNull().default(0),
    rolledUpAt: ts("rolled_up_at"),
    rolledUpBy: integer("rolled_up_by").references(() => users.id),
    /** RollupSnapshotEntry[] of the last roll-up. */
    included: jsonb("included").$type<RollupSnapshotEntry[]>().notNull().default([]),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    updatedBy: integer("updated_by").references(() => users.id),
  },
  (t) => [uniqueIndex("region_reports_year_unit_key").on(t.year, t.unitId)],
);

/** The stored roll-up: one row per input cell, the exact sum in the cell's canonical unit; NULL = blank everywhere. */
export const regionReportCells = pgTable(
  "region_report_cells",
  {
    regionReportId: integer("region_report_id")
      .notNull()
      .references(() => regionReports.id, { onDelete: "cascade" }),
    cell: text("cell").notNull(),
    value: numeric("value"),
  },
  (t) => [primaryKey({ columns: [t.regionReportId, t.cell] })],
);

/** The region report's own text sections, written by the supervisor; may hold live cell references ({{cell}}). */
export const regionNarratives = pgTable(
  "region_narratives",
  {
    regionReportId: integer("region_report_id")
      .notNull()
      .references(() => regionReports.id, { onDelete: "cascade" }),
    section: text("section").notNull(),
    body: text("body").notNull().default(""),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    updatedBy: integer("updated_by").references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.regionReportId, t.section] }),
    check("region_narratives_section", sql`${t.section} in ('preamble', 's1', 's5', 's6')`),
  ],
);

/** A child unit left out of a region's roll-up of a year, with the supervisor's reason. Deleted when included again. */
export const rollupExclusions = pgTable(
  "rollup_exclusions",
  {
    id: serial("id").primaryKey(),
    year: integer("year")
      .notNull()
      .references(() => reportingYears.year),
    regionId: integer("region_id")
      .notNull()
      .references(() => units.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    reason: text("reason").notNull(),
    excludedBy: integer("excluded_by").references(() => users.id),
    excludedAt: ts("excluded_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("rollup_exclusions_key").on(t.year, t.regionId, t.unitId),
    check("rollup_exclusions_reason", sql`length(trim(${t.reason})) >= 2`),
  ],
);
