// The "下载" group of a finished report: one link per format (Word, Excel, CSV, JSON), each a plain file download.
import { DOWNLOAD_FORMATS, DOWNLOAD_HINTS, DOWNLOAD_LABELS, type DownloadFormat } from "@/lib/export/download-formats";

export function DownloadLinks({ hrefFor, className = "" }: { hrefFor: (format: DownloadFormat) => string; className?: string }) {
  return (
    <nav aria-label="下载年报" className={`flex flex-wrap items-center gap-2 text-sm ${className}`} data-testid="report-downloads">
      <span className="text-gray-700">下载</span>
      {DOWNLOAD_FORMATS.map((format) => (
        <a
          key={format}
          href={hrefFor(format)}
          download
          title={DOWNLOAD_HINTS[format]}
          data-format={format}
          className="rounded border border-gray-300 px-2 py-1 text-accent hover:border-accent hover:bg-blue-50"
        >
          {DOWNLOAD_LABELS[format]}
        </a>
      ))}
    </nav>
  );
}
