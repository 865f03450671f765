// Assembles the two FormatDefs from their table builders and answers which format a report year uses.

import { ACTIVE_BLOCKS_2019, NOTICE_2019, OTHER_HANDLING_2019, SECTIONS_2019 } from "./format-2019";
import { ACTIVE_BLOCKS_2021, NOTICE_2021, OTHER_HANDLING_2021, SECTIONS_2021 } from "./format-2021";
import { buildActiveDisclosure, type ActiveBlockSpec } from "./table-active";
import { buildApplications, resultRows, type ResultItem } from "./table-applications";
import { buildReviewLitigation } from "./table-review";
import type { CellAddress, CellDef, FormatDef, FormatVersion, SectionDef } from "./types";

export const FORMAT_VERSIONS: readonly FormatVersion[] = ["2019", "2021"];

interface VersionSpec {
  notice: string;
  sections: SectionDef[];
  blocks: ActiveBlockSpec[];
  other: ResultItem;
}

const SPECS: Record<FormatVersion, VersionSpec> = {
  "2019": { notice: NOTICE_2019, sections: SECTIONS_2019, blocks: ACTIVE_BLOCKS_2019, other: OTHER_HANDLING_2019 },
  "2021": { notice: NOTICE_2021, sections: SECTIONS_2021, blocks: ACTIVE_BLOCKS_2021, other: OTHER_HANDLING_2021 },
};

function caption(sections: SectionDef[], id: SectionDef["id"]): string {
  return sections.find((s) => s.id === id)?.title ?? "";
}

function buildFormat(version: FormatVersion): FormatDef {
  const spec = SPECS[version];
  const built = [
    buildActiveDisclosure(spec.blocks, caption(spec.sections, "s2")),
    buildApplications(spec.other, caption(spec.sections, "s3")),
    buildReviewLitigation(caption(spec.sections, "s4")),
  ];
  const cells: CellDef[] = built.flatMap((b) => b.cells);
  const byAddress = new Map<CellAddress, CellDef>(cells.map((c) => [c.address, c]));
  return {
    version,
    notice: spec.notice,
    sections: spec.sections,
    tables: built.map((b) => b.table),
    cells,
    inputCells: cells.filter((c) => c.kind !== "total"),
    cell: (address) => byAddress.get(address),
  };
}

const cache = new Map<FormatVersion, FormatDef>();

/** Every caller shares one definition, so a stray mutation in one screen must not leak into another. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The format definition: the same deeply frozen object on every call. */
export function getFormat(version: FormatVersion): FormatDef {
  let format = cache.get(version);
  if (!format) {
    if (!(version in SPECS)) throw new RangeError(`未知的报告格式版本：${String(version)}`);
    format = deepFreeze(buildFormat(version));
    cache.set(version, format);
  }
  return format;
}

/**
 * getFormat's definitions are deeply frozen and shared, so what is derived from one can be cached against it (in a
 * WeakMap); a hand-made FormatDef is not frozen and gets no cache.
 */
export function isFrozenFormat(format: FormatDef): boolean {
  return Object.isFrozen(format) && Object.isFrozen(format.cells);
}

export function isFormatVersion(value: unknown): value is FormatVersion {
  return value === "2019" || value === "2021";
}

/** 2019–2020 → 2019 format; from 2021 → 2021 format (formats.md §1.3, inferred from practice). */
export function formatVersionForYear(year: number): FormatVersion {
  if (!Number.isInteger(year) || year < 2019) {
    throw new RangeError(`${year} 年度不适用现行年度报告格式（仅支持 2019 年度及以后）。`);
  }
  return year <= 2020 ? "2019" : "2021";
}

const resultRowsCache = new Map<FormatVersion, readonly string[]>();

/** Result rows of T3 (（一）予以公开 … last （六）其他处理 row) in print order; a fresh array the caller may keep. */
export function resultRowsOf(format: FormatDef): string[] {
  let rows = resultRowsCache.get(format.version);
  if (!rows) {
    rows = resultRows(SPECS[format.version].other);
    resultRowsCache.set(format.version, rows);
  }
  return [...rows];
}

/** The （六）其他处理 rows of T3: one in 2019, three in 2021. */
export function otherHandlingRowsOf(format: FormatDef): string[] {
  const other = SPECS[format.version].other;
  return "group" in other ? other.rows.map((r) => r.row) : [other.row];
}
