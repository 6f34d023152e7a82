// What the node tests in tests/browser share: the environment CTest gives them
// (CLAIMCHECK: the binary, CLAIMCHECK_SOURCE: the source tree, CLAIMCHECK_WORK: a scratch
// folder), running claimcheck, writing a report as HTML and JSON, Debian's Chromium
// through Playwright, and a skip CTest reports as one (exit 77 with its reason).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const claimcheck = process.env.CLAIMCHECK;
export const source = process.env.CLAIMCHECK_SOURCE;
export const work = process.env.CLAIMCHECK_WORK;
assert.ok(claimcheck && source && work, 'CLAIMCHECK, CLAIMCHECK_SOURCE and CLAIMCHECK_WORK must be set (CTest sets them)');
fs.mkdirSync(work, { recursive: true });

/// ../shared beside the source tree: the seed articles and datasets, absent in a clone.
export const sharedDir = path.join(source, '../shared');

// relative to the source tree, where claimcheck runs, so that the report names them so
export const demo = ['a.txt', 'b.txt'].map((f) => path.join('fixtures/report-demo', f));

/// claimcheck's standard output for `args`, run in the source tree; throws on a non-zero exit.
export function run(args, options = {}) {
  return execFileSync(claimcheck, args, { encoding: 'utf8', maxBuffer: 256 << 20, cwd: source, ...options });
}

/// Writes the HTML report of `files` to WORK/name.html and returns its file:// URL, its
/// file and the JSON report. `ui` is passed as --ui when given ('' leaves the default).
export function report(name, files, { ui = 'en' } = {}) {
  const out = path.join(work, name + '.html');
  run(['compare', ...files, '--format', 'html', '-o', out, ...(ui ? ['--ui', ui] : [])]);
  const json = JSON.parse(run(['compare', ...files, '--format', 'json']));
  return { url: pathToFileURL(out).href, file: out, json };
}

/// Debian's Chromium, headless, with a new empty profile and no network services.
export async function launch() {
  const { chromium } = await import('playwright-core');
  const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
  assert.ok(fs.existsSync(chromiumPath),
    `${chromiumPath} is missing: install Debian's chromium (scripts/setup does) or set CHROMIUM`);
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/// A page of `url` in a new context; waits for the report's script unless JavaScript is off.
/// `errors` collects page errors and console errors.
export async function open(browser, url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  if (options.javaScriptEnabled !== false) await page.waitForSelector('html[data-ready="true"]');
  return { page, context, errors };
}

/// Ends the process as a skip CTest reports as such (SKIP_RETURN_CODE 77), saying why.
export function skip(reason) {
  console.log(`skipped: ${reason}`);
  process.exit(77);
}

/// The verdict a claim should show: the one of its findings that matters most for trust.
export function expectedVerdict(json, ids) {
  const order = ['contradicts', 'updates', 'single-source', 'corroborates', 'compatible', 'differs'];
  let best = 'unchecked';
  for (const f of json.findings)
    if (f.facts.some((id) => ids.includes(id)))
      if (best === 'unchecked' || order.indexOf(f.verdict) < order.indexOf(best)) best = f.verdict;
  return best;
}

/// Every fact of the JSON report is highlighted, each claim with the verdict it should show
/// and in its document's direction; returns the claims.
export async function checkHighlights(page, json) {
  const claims = await page.$$eval('mark.claim', (marks) => marks.map((m) => ({
    facts: m.dataset.facts.split(' '), verdict: m.dataset.verdict, cls: m.className,
    text: m.textContent, dir: getComputedStyle(m.closest('.body')).direction,
  })));
  const highlighted = new Set(claims.flatMap((c) => c.facts));
  for (const fact of json.facts) assert.ok(highlighted.has(fact.id), `fact ${fact.id} is highlighted`);
  for (const c of claims) {
    assert.equal(c.verdict, expectedVerdict(json, c.facts), `verdict of ${c.facts}`);
    assert.ok(c.cls.includes('v-' + c.verdict), `class of ${c.facts}`);
    assert.ok(c.text.trim().length > 0, `claim ${c.facts} has text`);
    const doc = json.documents.find((d) => d.id === c.facts[0].split(':')[0]);
    assert.equal(c.dir, doc.lang === 'ar' ? 'rtl' : 'ltr', `direction of ${c.facts}`);
  }
  return claims;
}
