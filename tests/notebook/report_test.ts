/**
 * End to end: every notebook executed in quick mode with the real kernel, the report site built
 * into `reports/`, then each page opened in headless Chromium: figures must render (non-empty SVG
 * boxes, at least one data mark each), a mechanism has one colour on every page, pages are no
 * wider than a 1024 or 1280 px window, no console errors, and a screenshot is kept under
 * `reports/screenshots/`. The ledger page resolves a claim anchor and links the downloads.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { buildReport, listNotebooks } from "../../lib/notebook/report.ts";
import { REPO_ROOT, REPORTS_DIR } from "../../lib/notebook/paths.ts";
import { mechanismColour } from "../../lib/core/palette.ts";
import { ensureChromium } from "../../lib/notebook/setup.ts";
import { Browser } from "./cdp.ts";
import { auditFigure, dataMismatches, figuresOf } from "../../lib/core/figure_audit.ts";
import type { ClaimResult } from "../../lib/core/claims.ts";
import { PAPERS } from "../../lib/claims_registry.ts";
import { CACHE_DIR_ENV } from "../../lib/notebook/run_cache.ts";
import { assertWellFormed } from "../ledger_checks.ts";

Deno.test("every notebook runs in quick mode and its report page renders cleanly", async (t) => {
  const notebooks = await listNotebooks();
  assert.ok(notebooks.length >= 1, "no notebooks found");
  // A fresh execution cache: every notebook really runs (a developer's cache must not hide a
  // failure), and the cache is then filled for the compute-once checks below.
  const cacheDir = await Deno.makeTempDir({ prefix: "report-test-cache-" });
  const params = { mode: "quick", seed: 1 } as const;
  const report = await buildReport({ params, timeoutSeconds: 600, cacheDir });

  await t.step("the overview reads the papers' claims and evaluates none", async () => {
    const overview = await Deno.readTextFile(join(REPORTS_DIR, "executed", "00_overview.ipynb"));
    assert.match(overview, /papers evaluated in this notebook: 0\b/);
    for (const paper of PAPERS) {
      assert.ok(
        overview.includes(`<td>${paper}</td><td>notebooks/`),
        `${paper} read from its notebook`,
      );
    }
  });

  await t.step("deno task claims reads the whole ledger from the notebooks' runs", async () => {
    const run = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "-A",
        join(REPO_ROOT, "lib", "claims_cli.ts"),
        "--mode",
        "quick",
        "--seed",
        "1",
      ],
      env: { NO_COLOR: "1", [CACHE_DIR_ENV]: cacheDir },
    }).output();
    const stderr = new TextDecoder().decode(run.stderr);
    assert.ok(run.success, stderr);
    const ledger = JSON.parse(new TextDecoder().decode(run.stdout)) as ClaimResult[];
    assert.equal(new Set(ledger.map((claim) => claim.id)).size, ledger.length, "ids are unique");
    for (const paper of PAPERS) {
      assert.match(stderr, new RegExp(`${paper}: read from notebooks/`));
      assertWellFormed(ledger.filter((claim) => claim.paper === paper), paper);
      assert.ok(ledger.some((claim) => claim.paper === paper), `${paper} has claims`);
    }
  });

  await t.step("no notebook failed", () => {
    assert.deepEqual(report.failures.map((failure) => failure.error), []);
    assert.equal(report.entries.length, notebooks.length);
  });

  await t.step("no claim is unexplained", () => {
    for (const entry of report.entries) {
      assert.equal(entry.claims?.unexplained ?? 0, 0, `${entry.name} has unexplained claims`);
    }
  });

  await t.step(
    "every figure draws data, links its data as CSV, and a mechanism keeps its colour on every page",
    async () => {
      const colours = new Map<string, Map<string, string>>();
      for (const entry of report.entries) {
        const html = await Deno.readTextFile(join(REPORTS_DIR, entry.page!));
        for (const [index, figure] of figuresOf(html).entries()) {
          const audit = auditFigure(figure);
          assert.ok(audit.dataMarks > 0, `${entry.page}: figure ${index + 1} draws no data mark`);
          // Its CSV download lists the rows its marks draw.
          assert.deepEqual(dataMismatches(figure), [], `${entry.page} figure ${index + 1}`);
          for (const [label, colour] of audit.legend) {
            const where = colours.get(label) ?? new Map<string, string>();
            where.set(colour, `${entry.page} figure ${index + 1}`);
            colours.set(label, where);
          }
        }
      }
      for (const [label, where] of colours) {
        if (!mechanismColour(label)) continue;
        assert.deepEqual(
          [...where.keys()],
          [mechanismColour(label)],
          `${label}: ${[...where.values()]}`,
        );
      }
    },
  );

  await t.step("ledger.json lists every notebook's claims; pages link the downloads", async () => {
    const ledger = JSON.parse(await Deno.readTextFile(join(REPORTS_DIR, "ledger.json"))) as {
      claims: { id: string }[];
    };
    const shown = report.entries.reduce((sum, entry) => sum + (entry.claims?.total ?? 0), 0);
    assert.ok(ledger.claims.length >= 1 && ledger.claims.length <= shown);
    const ledgerHtml = await Deno.readTextFile(join(REPORTS_DIR, "ledger.html"));
    for (const claim of ledger.claims) {
      assert.ok(ledgerHtml.includes(`<tr id="${claim.id}"`), claim.id);
    }
    // Each linked `where` opens an existing section of the paper's notebook page.
    const wheres = [...ledgerHtml.matchAll(/<a class="where" href="([^"#]+)#([^"]+)"/g)];
    assert.ok(wheres.length >= ledger.claims.length / 2, `${wheres.length} where links`);
    for (const [, target, id] of wheres) {
      const html = await Deno.readTextFile(join(REPORTS_DIR, target!));
      assert.ok(html.includes(` id="${id}"`), `${target}#${id}`);
    }
    for (const entry of report.entries) {
      const html = await Deno.readTextFile(join(REPORTS_DIR, entry.page!));
      assert.match(html, new RegExp(`href="executed/${entry.name}\\.ipynb" download`));
      assert.ok(html.includes(`href="${entry.codePage}"`), `${entry.page} links its code page`);
      const code = await Deno.readTextFile(join(REPORTS_DIR, entry.codePage!));
      assert.ok(code.includes(`href="${entry.page}"`), `${entry.codePage} links back`);
      await Deno.stat(join(REPORTS_DIR, "executed", `${entry.name}.ipynb`));
      assert.doesNotMatch(html, new RegExp(REPO_ROOT.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    }
  });

  const chromium = await ensureChromium();
  const browser = await Browser.launch(chromium);
  const screenshots = join(REPORTS_DIR, "screenshots");
  await Deno.mkdir(screenshots, { recursive: true });
  try {
    await t.step("ledger.html#<id> scrolls to that claim", async () => {
      const ledger = JSON.parse(await Deno.readTextFile(join(REPORTS_DIR, "ledger.json"))) as {
        claims: { id: string }[];
      };
      const id = ledger.claims.find((claim) => claim.id === "ppm.cs-ratio")?.id ??
        ledger.claims.at(-1)!.id;
      const inspected = await browser.open(`file://${join(REPORTS_DIR, "ledger.html")}#${id}`);
      try {
        const target = await inspected.evaluate<string | null>(
          `document.querySelector(":target")?.id ?? null`,
        );
        assert.equal(target, id);
        // The CSS-only filter: picking a verdict hides every row of another verdict.
        const verdicts = (ledger.claims as unknown as { verdict: string }[]).map((c) => c.verdict);
        const verdict = verdicts[0]!;
        const shown = await inspected.evaluate<number>(
          `(() => { document.getElementById("f-verdict-${verdict}").click();
            return [...document.querySelectorAll(".ledger tbody tr")].filter((row) => row.offsetParent !== null).length; })()`,
        );
        assert.equal(shown, verdicts.filter((v) => v === verdict).length);
        assert.deepEqual(inspected.errors, []);
      } finally {
        inspected.close();
      }
    });
    for (
      const page of ["index.html", "ledger.html", ...report.entries.map((entry) => entry.page!)]
    ) {
      await t.step(`${page} renders its figures with no console errors`, async () => {
        const html = await Deno.readTextFile(join(REPORTS_DIR, page));
        const inspected = await browser.open(`file://${join(REPORTS_DIR, page)}`);
        try {
          const figures = await inspected.evaluate<{ total: number; visible: number }>(
            `(() => { const svgs = [...document.querySelectorAll("svg")].filter((s) => !s.parentElement.closest("svg"));
              return { total: svgs.length, visible: svgs.filter((s) => { const r = s.getBoundingClientRect(); return r.width > 0 && r.height > 0; }).length }; })()`,
          );
          // Every plot's figure offers its data as a CSV download the browser can read.
          const downloads = await inspected.evaluate<{ plots: number; csv: number }>(
            `(async () => { const figures = [...document.querySelectorAll("figure")].filter((f) => f.querySelector(":scope > svg g[aria-label]"));
              const csv = await Promise.all(figures.map(async (f) => { const a = f.querySelector(":scope > figcaption a.figure-data[download]");
                return a && (await (await fetch(a.href)).text()).startsWith("layer,mark"); }));
              return { plots: figures.length, csv: csv.filter(Boolean).length }; })()`,
          );
          assert.equal(downloads.csv, downloads.plots, `${page}: plots without a CSV download`);
          const clipped = await inspected.evaluate<string[]>(
            `[...document.querySelectorAll("g[aria-label='y-axis tick label'] text")]
              .filter((t) => t.getBoundingClientRect().left < t.closest("svg").getBoundingClientRect().left - 1)
              .map((t) => t.textContent)`,
          );
          assert.deepEqual(clipped, [], `${page}: y tick labels cut off at the left edge`);
          const inSource = (html.match(/<svg[\s>]/g) ?? []).length;
          const notebook = page !== "index.html" && page !== "ledger.html";
          assert.ok(figures.total >= 1 || !notebook, `${page} has no figure`);
          assert.equal(figures.visible, figures.total, `${page}: some figures have no size`);
          assert.ok(figures.total <= inSource && inSource > 0 || !notebook);
          for (const width of [1280, 1024]) {
            await inspected.resize(width, 800);
            const scrollWidth = await inspected.evaluate<number>(
              "document.documentElement.scrollWidth",
            );
            assert.ok(
              scrollWidth <= width,
              `${page} is ${scrollWidth} px wide in a ${width} px window`,
            );
          }
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

  await t.step("a second build with nothing changed runs no kernel", async () => {
    const again = await buildReport({ params, cacheDir, log: () => {} });
    assert.deepEqual(again.failures, []);
    assert.ok(again.entries.every((entry) => entry.cachedFrom), "every notebook is cached");
    const executed = [...Deno.readDirSync(join(REPORTS_DIR, "executed"))].map((e) => e.name);
    assert.deepEqual(executed.filter((name) => name.endsWith(".kernel.log")), []);
    await Deno.remove(cacheDir, { recursive: true });
  });
});
