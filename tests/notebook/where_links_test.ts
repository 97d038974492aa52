import assert from "node:assert/strict";
import {
  coveringSection,
  notebookSections,
  paperReferences,
} from "../../lib/notebook/where_links.ts";
import { ParameterError } from "../../lib/core/errors.ts";

Deno.test("paper references: figures and ranges, theorems, appendices, sections", () => {
  const refs = (text: string) => paperReferences(text).map((r) => `${r.kind} ${r.label}`);
  assert.deepEqual(refs("Section 6.2, Fig. 6(a)-(b)"), ["fig 6", "section 6.2"]);
  assert.deepEqual(refs("Welfare comparisons (Fig. 4-9)"), [
    "fig 4",
    "fig 5",
    "fig 6",
    "fig 7",
    "fig 8",
    "fig 9",
  ]);
  assert.deepEqual(refs("Theorem 3 (Eq. 17-18)"), ["eq 17", "eq 18", "theorem 3"]);
  assert.deepEqual(refs("Sec. VI-C/VI-D, Fig. 4-5; Theorem 2"), [
    "fig 4",
    "fig 5",
    "theorem 2",
    "section VI-C",
    "section VI-D",
  ]);
  assert.deepEqual(refs("Eq. 21 / Appendix E (a'^T)"), ["eq 21", "appendix E"]);
  assert.deepEqual(refs("Speed"), []);
  assert.throws(() => paperReferences(7 as unknown as string), ParameterError);
});

const page = `<div class="text_cell_render"><h1 id="t">Title</h1><p>Intro on Theorem 9.</p></div>
<div class="text_cell_render"><h2 id="section-6">Section 6: empirical ratios<a class="anchor-link" href="#section-6">¶</a></h2><p>As in Fig. 5.</p></div>
<div class="output"><table><tr><td>Theorem 1, Lemma 1</td></tr></table></div>
<div class="text_cell_render"><h2 id="fig-6">Fig. 6: inexact</h2></div>
<div class="text_cell_render"><h3 id="props">Properties</h3><p>Theorem 1 says so; see also Fig. 6.</p></div>
<div class="jp-RenderedMarkdown"><h2 id="stage-i">Stage I</h2><p>Appendix G's cases.</p></div>`;

Deno.test("notebook sections: headings with the text of their Markdown cells only", () => {
  const sections = notebookSections(page);
  assert.deepEqual(sections.map((s) => [s.id, s.level, s.text]), [
    ["section-6", 2, "Section 6: empirical ratios"],
    ["fig-6", 2, "Fig. 6: inexact"],
    ["props", 3, "Properties"],
    ["stage-i", 2, "Stage I"],
  ]);
  // The output table repeating "Theorem 1" belongs to no section's prose.
  assert.equal(sections[0]!.prose.trim(), "As in Fig. 5.");
});

Deno.test("covering section: most specific shared reference, headings before text", () => {
  const sections = notebookSections(page);
  const cover = (where: string) => coveringSection(where, sections)?.id ?? null;
  assert.equal(cover("Section 6.2, Fig. 6(c)-(f)"), "fig-6"); // the figure's heading
  assert.equal(cover("Section 6.1, footnote 3"), "section-6"); // Section 6 covers 6.1
  assert.equal(cover("Section 6.2, Fig. 5(a)"), "section-6"); // Fig. 5 only in its text
  assert.equal(cover("Theorem 1, Lemma 1"), "props"); // named in a section's text
  assert.equal(cover("Appendix G, p'^T"), "stage-i");
  assert.equal(cover("Theorem 9"), null); // only in the untitled introduction
  assert.equal(cover("Sec. VI-A (Edge cluster)"), null);
  assert.equal(coveringSection("Fig. 6", []), null);
});
