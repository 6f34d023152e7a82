// The seed articles and dataset from ../shared: their HTML report in Chromium (claims
// highlighted, every finding selecting its sentences) and their JSON report and dataset
// against docs/schema/. Without ../shared (a user's clone) the whole file is a skip that
// CTest reports as one (exit 77, with the reason), never a pass.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { checkHighlights, launch, open, report, run, sharedDir, skip } from './support.mjs';
import { assertDataset, assertReport } from './schemas.mjs';

const seedsDir = path.join(sharedDir, 'seeds');
const seedDataset = path.join(sharedDir, 'datasets/morocco-ct/dataset.json');
if (!fs.existsSync(seedsDir) || !fs.existsSync(seedDataset))
  skip(`${path.normalize(sharedDir)} is absent, so the seed articles and their dataset are too`);

const seeds = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(seedsDir, f));
let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

test('the seed articles: claims highlighted, findings select their sentences', async () => {
  assert.ok(seeds.length >= 2);
  const r = report('seeds', seeds);
  const { page, context, errors } = await open(browser, r.url);
  const claims = await checkHighlights(page, r.json);
  const verdicts = new Set(claims.map((c) => c.verdict));
  for (const v of ['corroborates', 'single-source']) assert.ok(verdicts.has(v), `seed claims show ${v}`);
  for (const v of ['differs', 'corroborates', 'single-source'])
    assert.ok(await page.locator(`li.finding.v-${v}`).count() > 0, `a seed finding ${v}`);
  assert.equal(await page.locator('li.finding.v-contradicts').count(), 0, 'the seeds contradict nothing');
  for (const li of await page.locator('li.finding').all()) {
    await li.locator('button.select').click();
    const ids = (await li.getAttribute('data-facts')).split(' ');
    const marked = await page.$$eval('mark.claim.marked', (m) => m.flatMap((x) => x.dataset.facts.split(' ')));
    for (const id of ids) assert.ok(marked.includes(id), `${id} marked`);
    assert.ok(await page.locator('.sent.marked').count() >= 1);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the seed articles\' reports and dataset follow docs/schema/', () => {
  assertDataset(JSON.parse(fs.readFileSync(seedDataset, 'utf8')), seedDataset);
  assertReport(JSON.parse(run(['compare', '--format', 'json', ...seeds])), 'compare of the seeds');
  assertReport(JSON.parse(run(['extract', '--format', 'json', ...seeds])), 'extract of the seeds');
});
