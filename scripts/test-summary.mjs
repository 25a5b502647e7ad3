// Prints one plain "N passed, N failed" line per test runner from their JSON reports, so that the end of a CI log
// says in one place what ran. Reads test-results/vitest.json and test-results/playwright.json when present.
import fs from 'node:fs';

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

let failed = 0;
const vitest = read('test-results/vitest.json');
if (vitest) {
  const skipped = (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  console.log(`unit: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
  failed += vitest.numFailedTests;
}
const playwright = read('test-results/playwright.json');
if (playwright?.stats) {
  const s = playwright.stats;
  const bad = (s.unexpected ?? 0) + (s.flaky ?? 0);
  console.log(`e2e: ${s.expected ?? 0} passed, ${bad} failed${s.skipped ? `, ${s.skipped} skipped` : ''}`);
  failed += bad;
  for (const suite of playwright.suites ?? []) printSkips(suite);
}
const all = [vitest && vitest.numPassedTests, playwright?.stats?.expected].filter((n) => typeof n === 'number');
if (all.length === 0) {
  console.error('test-summary: no test report found in test-results/');
  process.exit(1);
}
process.exit(failed > 0 ? 1 : 0);

/** A skipped test says why, so a reader of the log knows what did not run on this machine. */
function printSkips(suite) {
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests ?? []) {
      if (t.status === 'skipped') {
        const reason = t.annotations?.find((a) => a.type === 'skip')?.description ?? 'no reason given';
        console.log(`  skipped: ${spec.title} — ${reason}`);
      }
    }
  }
  for (const child of suite.suites ?? []) printSkips(child);
}
