import { checkPaperLedger } from "../../ledger_checks.ts";

Deno.test("pdftsp claims: every claim evaluates, is typed, classed by evidence, explained where it disagrees, and matches the ledger snapshot", async () => {
  await checkPaperLedger("pdftsp");
});
