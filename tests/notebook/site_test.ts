import assert from "node:assert/strict";
import { join } from "node:path";
import type { ClaimResult } from "../../lib/core/claims.ts";
import { codeIndex, type LedgerClaim, ledgerPage } from "../../lib/notebook/ledger_page.ts";
import { hidePaths, notebookPage, settleProgress, wrapTables } from "../../lib/notebook/site.ts";
import { notebookSections } from "../../lib/notebook/where_links.ts";

const base: ClaimResult = {
  id: "ppm.cs-ratio",
  paper: "ppm",
  where: "Sec. 6",
  statement: "C_s ratio",
  paperValue: 1.5,
  reproducedValue: 1.52,
  rule: "within rel 0.05",
  evidence: "independent",
  verdict: "reproduced",
  explanation: null,
  reading: null,
  timing: false,
  source: "empiricalRatios on Section 6 instances",
};
const claims: LedgerClaim[] = [
  base,
  {
    ...base,
    id: "ppm.gap",
    verdict: "discrepancy",
    evidence: "calibrated",
    explanation: "Same cause as ppm.cs-ratio. Not ppm.nothing.",
  },
  {
    ...base,
    id: "pdftsp.fig13",
    paper: "pdftsp",
    verdict: "not-reproducible-here",
    evidence: null,
    source: null,
  },
];

Deno.test("ledger page: anchors, badges, filters, linked ids and code", async () => {
  const lib = new URL("../../lib", import.meta.url).pathname;
  const code = await codeIndex(lib, join(lib, "..", "reports"));
  assert.deepEqual(code.get("empiricalRatios"), ["../lib/papers/ppm/experiments.ts"]);
  // A site outside the repository gets no links into it (they would show the build machine).
  assert.equal((await codeIndex(lib, "/nowhere")).size, 0);
  const html = ledgerPage(claims, { mode: "quick", seed: 1 }, {
    code,
    notebooks: { ppm: "01.html" },
  });
  assert.match(
    html,
    /<tr id="ppm\.cs-ratio" data-paper="ppm" data-verdict="reproduced" data-evidence="independent">/,
  );
  assert.match(html, /<a href="#ppm\.cs-ratio">ppm\.cs-ratio<\/a>\. Not ppm\.nothing\./);
  assert.match(html, /class="badge verdict-discrepancy"/);
  assert.match(html, /class="badge evidence-calibrated"/);
  assert.match(html, /<a href="01\.html">ppm<\/a>/);
  assert.match(
    html,
    /<a href="[^"]*papers\/ppm\/experiments\.ts"[^>]*><code>empiricalRatios<\/code><\/a>/,
  );
  // One CSS rule per filter value, hiding the rows of the other values.
  const filters = [
    ["paper", "pdftsp", "pdftsp"],
    ["verdict", "not-reproducible-here", "not-reproducible-here"],
    ["evidence", "n_a", "n/a"],
  ];
  for (const [dimension, id, value] of filters) {
    assert.ok(
      html.includes(
        `.ledger:has(#f-${dimension}-${id}:checked) tbody tr:not([data-${dimension}="${value}"]) { display: none; }`,
      ),
      `${dimension}=${value}`,
    );
  }
  assert.match(html, /ppm \(2\)/);
  // Without the notebook's sections, `where` stays text.
  assert.match(html, /<a href="01\.html">ppm<\/a> · Sec\. 6<\/span>/);
});

Deno.test("ledger page: where links to the notebook section covering it", () => {
  const sections = notebookSections(
    '<div class="text_cell_render"><h2 id="section-6-ratios">Section 6: ratios</h2></div>',
  );
  const html = ledgerPage(claims, { mode: "quick", seed: 1 }, {
    notebooks: { ppm: "01.html" },
    sections: { ppm: sections, pdftsp: sections },
  });
  assert.match(
    html,
    /<a class="where" href="01\.html#section-6-ratios" title="notebook section: Section 6: ratios">Sec\. 6<\/a>/,
  );
  // pdftsp has no notebook page here: its where is not linked.
  assert.equal(html.match(/class="where"/g)?.length, 2);
  assert.doesNotMatch(html, /<script/);
});

Deno.test("notebook page: outline, pager, scrolling tables, settled progress, download", () => {
  const fragment =
    '<h1 id="T">T</h1><h2 id="Part-$x$">Part $x$<a class="anchor-link" href="#Part-$x$">¶</a></h2>' +
    '<table><tr><td>wide</td></tr></table><div class="toolkit-progress"><progress value="3" max="3"></progress> sweep: 3/3 (100%) 1.0 s — done</div>';
  const html = notebookPage("T", fragment, {
    seconds: 2,
    params: { mode: "quick", seed: 1 },
    source: "notebooks/01_x.ipynb",
    alternate: "01_x.code.html",
    executed: "executed/01_x.ipynb",
    nav: {
      pages: [{ href: "00.html", title: "00" }, { href: "01_x.html", title: "01" }],
      previous: { href: "00.html", title: "00 Overview" },
      next: null,
    },
  });
  assert.match(
    html,
    /<nav class="toc"[^>]*><ul>\n<li class="level-2"><a href="#part-x">Part <span class="katex">/,
  );
  assert.match(html, /<a rel="prev" href="00\.html">← 00 Overview<\/a>/);
  assert.match(html, /<div class="table-scroll"><table>/);
  assert.match(html, /<div class="toolkit-progress">sweep: 3\/3 \(100%\) 1\.0 s — done<\/div>/);
  assert.match(html, /href="executed\/01_x\.ipynb" download/);
  assert.match(html, /@media print/);
  assert.match(html, /prefers-color-scheme: dark/);
});

Deno.test("helpers: tables wrapped, unfinished progress kept, machine paths hidden", () => {
  assert.equal(wrapTables("<table></table>"), '<div class="table-scroll"><table></table></div>');
  const running =
    '<div class="toolkit-progress"><progress value="1" max="3"></progress> s: 1/3</div>';
  assert.equal(settleProgress(running), running);
  assert.equal(
    hidePaths("read /work/shared/traces/x and /repo/lib/a.ts", [[
      "/work/shared/traces",
      "$TRACE_DIR",
    ], ["/repo/", ""]]),
    "read $TRACE_DIR/x and lib/a.ts",
  );
});
