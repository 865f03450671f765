// A narrative printed as the official layout prints it: paragraphs with **bold** lead-ins, everything else as text.
// Shared by the official report (server) and the editor's preview (client); React escapes every character, so HTML
// typed into a narrative is shown, never interpreted.
import { narrativeToBlocks } from "@/lib/report-format";

export function NarrativeText({
  text,
  sameAsLastYear,
  emptyText = "（未填写）",
  sameNote = "与上年相同",
}: {
  text: string | undefined;
  /** Index-aligned with the printed paragraphs: true marks a paragraph identical to last year's. */
  sameAsLastYear?: boolean[];
  emptyText?: string;
  sameNote?: string;
}) {
  const blocks = narrativeToBlocks(text ?? "");
  if (blocks.paragraphs.length === 0) return <p className="official-empty text-gray-600">{emptyText}</p>;
  return (
    <>
      {blocks.paragraphs.map((p, i) => {
        const same = sameAsLastYear?.[i] === true;
        return (
          <p
            key={i}
            {...(same
              ? { className: "indent-[2em] leading-loose bg-amber-100 outline outline-1 outline-amber-400", "data-same-as-last-year": "true" }
              : { className: "indent-[2em] leading-loose" })}
          >
            {p.segments.map((s, j) => (s.bold ? <strong key={j}>{s.text}</strong> : s.text))}
            {same ? (
              <span className="ml-2 inline-block indent-0 rounded bg-amber-600 px-1 align-middle font-sans text-xs text-white">{sameNote}</span>
            ) : null}
          </p>
        );
      })}
    </>
  );
}
