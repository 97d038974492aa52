/**
 * End to end: every notebook executed in quick mode with the real kernel, the report site built
 * into `reports/`, then each page opened in headless Chromium: figures must render (non-empty SVG
 * boxes), no console errors, and a screenshot is kept under `reports/screenshots/`.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { buildReport, listNotebooks } from "../../lib/notebook/report.ts";
import { REPORTS_DIR } from "../../lib/notebook/paths.ts";
import { ensureChromium } from "../../lib/notebook/setup.ts";
import { Browser } from "./cdp.ts";

Deno.test("every notebook runs in quick mode and its report page renders cleanly", async (t) => {
  const notebooks = await listNotebooks();
  assert.ok(notebooks.length >= 1, "no notebooks found");
  const report = await buildReport({ params: { mode: "quick", seed: 1 }, timeoutSeconds: 600 });

  await t.step("no notebook failed", () => {
    assert.deepEqual(report.failures.map((failure) => failure.error), []);
    assert.equal(report.entries.length, notebooks.length);
  });

  await t.step("no claim is unexplained", () => {
    for (const entry of report.entries) {
      assert.equal(entry.claims?.unexplained ?? 0, 0, `${entry.name} has unexplained claims`);
    }
  });

  const chromium = await ensureChromium();
  const browser = await Browser.launch(chromium);
  const screenshots = join(REPORTS_DIR, "screenshots");
  await Deno.mkdir(screenshots, { recursive: true });
  try {
    for (const page of ["index.html", ...report.entries.map((entry) => entry.page!)]) {
      await t.step(`${page} renders its figures with no console errors`, async () => {
        const html = await Deno.readTextFile(join(REPORTS_DIR, page));
        const inspected = await browser.open(`file://${join(REPORTS_DIR, page)}`);
        try {
          const figures = await inspected.evaluate<{ total: number; visible: number }>(
            `(() => { const svgs = [...document.querySelectorAll("svg")].filter((s) => !s.parentElement.closest("svg"));
              return { total: svgs.length, visible: svgs.filter((s) => { const r = s.getBoundingClientRect(); return r.width > 0 && r.height > 0; }).length }; })()`,
          );
          const inSource = (html.match(/<svg[\s>]/g) ?? []).length;
          assert.ok(figures.total >= 1 || page === "index.html", `${page} has no figure`);
          assert.equal(figures.visible, figures.total, `${page}: some figures have no size`);
          assert.ok(figures.total <= inSource && inSource > 0 || page === "index.html");
          const png = await inspected.screenshot();
          await Deno.writeFile(join(screenshots, page.replace(/\.html$/, ".png")), png);
          assert.ok(png.length > 1000);
          assert.deepEqual(inspected.errors, []);
        } finally {
          inspected.close();
        }
      });
    }
  } finally {
    await browser.close();
  }
});
