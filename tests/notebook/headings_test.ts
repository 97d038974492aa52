import assert from "node:assert/strict";
import { outline, slug } from "../../lib/notebook/headings.ts";

Deno.test("heading ids come from the raw text and links follow them", () => {
  const page = '<h1 id="PPM">PPM</h1><h2 id="Does-$p$-exist?">Does $p$ exist?' +
    '<a class="anchor-link" href="#Does-$p$-exist?">&#182;</a></h2><p><a href="#Does-$p$-exist?">up</a>' +
    '<a href="#elsewhere">x</a></p><h2 id="Again">Does $p$ exist?</h2>';
  const { html, headings } = outline(page);
  assert.deepEqual(headings.map((h) => [h.level, h.id, h.text]), [
    [1, "ppm", "PPM"],
    [2, "does-p-exist", "Does $p$ exist?"],
    [2, "does-p-exist-2", "Does $p$ exist?"],
  ]);
  assert.equal(html.match(/href="#does-p-exist"/g)?.length, 2);
  assert.match(html, /href="#elsewhere"/);
  assert.doesNotMatch(html, /\$p\$-exist/);
});

Deno.test("slugs drop TeX commands and punctuation", () => {
  assert.equal(
    slug("Optimal ratio $\\alpha_*$ vs p̄/c̄ (Cor. 2)"),
    "optimal-ratio-alpha-vs-p-c-cor-2",
  );
  assert.equal(slug("$$"), "section");
});
