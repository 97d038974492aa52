/**
 * Which section of a paper's notebook covers a claim's `where` (the paper's place a claim comes
 * from, e.g. `Section 6.2, Fig. 4(b)` or `Theorem 3 / Appendix G`), so the claims ledger can link
 * it there. The references in `where`, in the notebook's headings and in their Markdown text are
 * parsed alike; the section sharing the most specific reference wins (a figure before a theorem,
 * lemma or equation, those before an appendix, an appendix before a section; a heading on
 * Section 6 covers Section 6.2), a heading's reference counting twice its text's.
 *
 * @example
 * ```ts
 * import { coveringSection } from "./where_links.ts";
 * const sections = [
 *   { level: 2, id: "section-6", text: "Section 6: empirical ratios", prose: "" },
 *   { level: 2, id: "fig-6", text: "Fig. 6: inexact p̄", prose: "" },
 *   { level: 2, id: "properties", text: "Properties", prose: "Theorem 1 says ..." },
 * ];
 * coveringSection("Section 6.2, Fig. 6(a)-(b)", sections)?.id; // "fig-6"
 * coveringSection("Section 6.1", sections)?.id; // "section-6"
 * coveringSection("Theorem 1, Lemma 1", sections)?.id; // "properties"
 * coveringSection("Appendix F", sections); // null
 * ```
 *
 * @module
 */
import { parseHTML } from "linkedom";
import { ParameterError } from "../core/errors.ts";

/** A reference to a part of a paper: its kind and number (`fig 4`, `section 6.2`, `appendix B`). */
export interface PaperReference {
  readonly kind: string;
  readonly label: string;
}

/** Weight of a shared reference, most specific first. */
const WEIGHT: Record<string, number> = {
  fig: 5,
  theorem: 4,
  lemma: 4,
  proposition: 4,
  corollary: 4,
  definition: 4,
  algorithm: 4,
  eq: 4,
  appendix: 3,
  section: 2,
};

const NAMED = /\b(Theorem|Lemma|Proposition|Corollary|Definition|Algorithm)s?\s+(\d+)/g;
const NUMBERED = /\b(Fig(?:ure)?s?|Eqs?)\.?\s*(\d+)(?:\s*[-–]\s*(\d+))?/g;
const SECTION =
  /\b(?:Sec(?:tion)?s?)\.?\s*((?:\d+(?:\.\d+)*|[IVX]+(?:-[A-Z])?)(?:\s*(?:\/|,|and)\s*(?:\d+(?:\.\d+)*|[IVX]+(?:-[A-Z])?)\b)*)/g;
const APPENDIX = /\bAppendix\s+([A-Z])\b/g;

/**
 * The paper references in a text: figures and equations (ranges expanded: `Fig. 4-9` is six
 * figures), theorems and the like, appendices, sections (`Sec. VI-C/VI-D` is two).
 *
 * @param text a claim's `where` or a heading
 * @returns the references, in order of appearance kind by kind
 */
export function paperReferences(text: string): PaperReference[] {
  if (typeof text !== "string") throw new ParameterError("text", text, "a string");
  const found: PaperReference[] = [];
  for (const match of text.matchAll(NUMBERED)) {
    const kind = match[1]!.toLowerCase().startsWith("fig") ? "fig" : "eq";
    const first = Number(match[2]);
    const last = match[3] === undefined ? first : Number(match[3]);
    for (let n = first; n <= Math.min(last, first + 20); n++) {
      found.push({ kind, label: String(n) });
    }
  }
  for (const match of text.matchAll(NAMED)) {
    found.push({ kind: match[1]!.toLowerCase(), label: match[2]! });
  }
  for (const match of text.matchAll(APPENDIX)) found.push({ kind: "appendix", label: match[1]! });
  for (const match of text.matchAll(SECTION)) {
    for (const label of match[1]!.split(/\s*(?:\/|,|and)\s*/)) {
      found.push({ kind: "section", label });
    }
  }
  return found;
}

/** How specifically `heading` covers `claim` (0: not at all). */
function coverage(claim: PaperReference, heading: PaperReference): number {
  if (claim.kind !== heading.kind) return 0;
  if (claim.label === heading.label) return WEIGHT[claim.kind] ?? 1;
  // A heading on Section 6 (or VI) covers Section 6.2 (or VI-C), a little less than exactly.
  const within = claim.kind === "section" &&
    (claim.label.startsWith(`${heading.label}.`) || claim.label.startsWith(`${heading.label}-`));
  return within ? (WEIGHT.section! - 1) : 0;
}

/** A section of a notebook page: its heading and the text of its Markdown cells. */
export interface NotebookSection {
  readonly id: string;
  readonly level: number;
  /** The heading's text. */
  readonly text: string;
  /** Text of the section's Markdown cells (not of code outputs, which repeat every claim). */
  readonly prose: string;
}

/**
 * The sections (level 2 and 3 headings with ids) of a notebook page as nbconvert renders it.
 *
 * @param html the page (or its body)
 * @returns the sections in page order
 */
export function notebookSections(html: string): NotebookSection[] {
  if (typeof html !== "string") throw new ParameterError("html", html, "page markup");
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  const sections: { id: string; level: number; text: string; prose: string }[] = [];
  for (const cell of document.querySelectorAll(".text_cell_render, .jp-RenderedMarkdown")) {
    for (const child of cell.children) {
      const level = /^H([23])$/.exec(child.tagName.toUpperCase())?.[1];
      const id = child.getAttribute("id");
      if (level && id) {
        const text = (child.textContent ?? "").replace(/¶/g, "").trim();
        sections.push({ id, level: Number(level), text, prose: "" });
      } else if (sections.length > 0) {
        sections.at(-1)!.prose += ` ${child.textContent ?? ""}`;
      }
    }
  }
  return sections;
}

/** Best coverage of any wanted reference by any offered one. */
function bestCoverage(wanted: readonly PaperReference[], offered: readonly PaperReference[]) {
  return Math.max(0, ...wanted.flatMap((c) => offered.map((h) => coverage(c, h))));
}

/**
 * The notebook section that covers a claim's `where`: a reference shared with the section's
 * heading counts twice as much as one its Markdown text mentions.
 *
 * @param where the claim's place in the paper
 * @param sections the sections of the paper's notebook page ({@link notebookSections})
 * @returns the best section (the first of equals), or null when none shares a reference
 */
export function coveringSection(
  where: string,
  sections: readonly NotebookSection[],
): NotebookSection | null {
  const wanted = paperReferences(where);
  let best: NotebookSection | null = null;
  let bestScore = 0;
  for (const section of sections) {
    const score = Math.max(
      2 * bestCoverage(wanted, paperReferences(section.text)),
      bestCoverage(wanted, paperReferences(section.prose)),
    );
    if (score > bestScore) (best = section), (bestScore = score);
  }
  return best;
}
