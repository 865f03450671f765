// Published versions as the publish panel lists them (shared by the unit review page and the county page).
import { formatDateTime } from "@/lib/format-date";
import type { VersionItem } from "./publish-panel";

interface PublishedVersion {
  id: number;
  version: number;
  publishedAt: Date;
  publisherName: string;
  correctionNote: string | null;
  contentHash: string;
  signoff: { reviewerName: string } | null;
  links: string[];
}

export function toVersionItems(versions: PublishedVersion[]): VersionItem[] {
  return versions.map((p) => ({
    id: p.id,
    version: p.version,
    publishedAt: formatDateTime(p.publishedAt),
    publisherName: p.publisherName,
    correctionNote: p.correctionNote,
    contentHash: p.contentHash,
    signoff: p.signoff ? p.signoff.reviewerName : null,
    links: p.links,
  }));
}
