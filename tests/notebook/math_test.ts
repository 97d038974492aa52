import assert from "node:assert/strict";
import { renderMath, renderMathInText } from "../../lib/notebook/math.ts";
import { linkUrls } from "../../lib/notebook/html_text.ts";

Deno.test("inline and display TeX become KaTeX markup", () => {
  const inline = renderMathInText("cost $c^{TH} &lt; c^{TL}$ here");
  assert.match(inline, /^cost <span class="katex">/);
  assert.match(inline, /<span class="mord mathnormal">c<\/span>/);
  assert.match(inline, /<span class="mrel">&lt;<\/span>/);
  assert.match(renderMathInText("$$x = 1$$"), /katex-display/);
});

Deno.test("prices written with $ stay text", () => {
  const text = "electricity at $0.10/kWh; the paper posts prices $(p^T, p^I)$ daily";
  const html = renderMathInText(text);
  assert.match(html, /^electricity at \$0\.10\/kWh; the paper posts prices <span class="katex">/);
  assert.equal(renderMathInText("between $5 and $6"), "between $5 and $6");
});

Deno.test("only Markdown cells are touched", () => {
  const fragment =
    '<div class="text_cell_render">$a$</div>\n<div class="cell code"><pre>$b$</pre></div>';
  const html = renderMath(fragment);
  assert.match(html, /katex/);
  assert.match(html, /<pre>\$b\$<\/pre>/);
});

Deno.test("maths in attributes, code and pre stays verbatim", () => {
  const fragment = '<div class="text_cell_render"><h2 id="Does-$p$-exist?">Does $p$ exist?' +
    '<a class="anchor-link" href="#Does-$p$-exist?">¶</a></h2><p>use <code>$x$</code></p></div>';
  const html = renderMath(fragment);
  assert.match(html, /<h2 id="Does-\$p\$-exist\?">Does <span class="katex">/);
  assert.match(html, /href="#Does-\$p\$-exist\?"/);
  assert.match(html, /<code>\$x\$<\/code>/);
});

Deno.test("bare URLs in text become links; URLs in code and links stay", () => {
  const html = linkUrls(
    '<td>see https://example.org/x_(1).</td><code>https://a.b</code><a href="https://c.d">https://c.d</a>',
  );
  assert.equal(
    html,
    '<td>see <a href="https://example.org/x_(1)">https://example.org/x_(1)</a>.</td><code>https://a.b</code><a href="https://c.d">https://c.d</a>',
  );
});
