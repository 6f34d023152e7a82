// Browser tests of the HTML report: claimcheck writes reports, Playwright drives Debian's
// Chromium over them (file:// URLs, no server), and each test asserts what a reviewer
// sees and does: highlights and their verdicts, selecting findings and claims, filters,
// keyboard use, no-JavaScript and print rendering, escaping of hostile text, a 50-document
// report's opening time (printed), and the README's screenshot.
//
// Reports here have English labels (--ui en); labels.test.mjs has the other languages.
// Run by CTest (tests/CMakeLists.txt) with the environment support.mjs reads;
// CLAIMCHECK_SCREENSHOT, when set, is where the screenshot is also saved (scripts/screenshot
// sets docs/report.png). The seed articles' test is seeds.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { checkHighlights, demo, launch, open as openIn, report, source, work } from './support.mjs';

let browser;
const open = (url, options) => openIn(browser, url, options);

before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

test('every claim of the demo report is highlighted with its verdict, by colour and a second cue', async () => {
  const r = report('demo', demo);
  const { page, context, errors } = await open(r.url);
  const claims = await checkHighlights(page, r.json);
  const verdicts = new Set(claims.map((c) => c.verdict));
  // a claim shows the verdict that matters most for it: "differs" here only ever comes
  // with a stronger one, so it shows on findings, not on claims
  for (const v of ['contradicts', 'corroborates', 'single-source'])
    assert.ok(verdicts.has(v), `a claim shows ${v}`);
  for (const v of ['contradicts', 'corroborates', 'differs', 'single-source'])
    assert.equal(await page.locator(`li.finding.v-${v}[data-verdict="${v}"]`).count(), r.json.summary[v], `${v} findings`);
  // the second cue: each verdict has its own underline style and icon
  const cues = await page.$$eval('mark.claim', (marks) => marks.map((m) => {
    const s = getComputedStyle(m);
    return { verdict: m.dataset.verdict, line: s.textDecorationStyle, icon: getComputedStyle(m, '::after').content };
  }));
  const byVerdict = new Map(cues.map((c) => [c.verdict, c]));
  const lines = new Set([...byVerdict.values()].map((c) => c.line));
  const icons = new Set([...byVerdict.values()].map((c) => c.icon));
  assert.equal(lines.size, byVerdict.size, 'one underline style per verdict');
  assert.equal(icons.size, byVerdict.size, 'one icon per verdict');
  assert.equal(await page.locator('.legend li').count(), 7, 'the legend names six verdicts and unchecked claims');
  // the header: documents with their metadata, and the count by verdict
  const header = await page.locator('header.report').innerText();
  for (const d of r.json.documents) {
    assert.ok(header.includes(d.title), `header names ${d.title}`);
    assert.ok(header.includes(d.date), `header dates ${d.id}`);
  }
  for (const [v, n] of Object.entries(r.json.summary))
    assert.ok(header.includes(`${v} (${n})`), `header counts ${v}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('selecting a finding marks its sentences in both documents and scrolls each to them', async () => {
  // a long first document, so that its cited sentences start out of view
  const filler = Array.from({ length: 60 }, (_, i) =>
    `وتواصل الحكومة العمل على برامج التنمية المحلية في المحافظات، وفق ما جاء في الفقرة ${i + 1} من البيان.`).join('\n');
  const demoA = fs.readFileSync(path.join(source, demo[0]), 'utf8').split('---\n');
  const longA = path.join(work, 'long-a.txt');
  fs.writeFileSync(longA, `---\n${demoA[1]}---\n${filler}\n${demoA.slice(2).join('---\n')}`);
  const r = report('long', [longA, demo[1]]);
  const { page, context } = await open(r.url);
  const finding = page.locator('li.finding[data-verdict="contradicts"]').first();
  const ids = (await finding.getAttribute('data-facts')).split(' ');
  assert.ok(ids.some((id) => id.startsWith('A:')) && ids.some((id) => id.startsWith('B:')));
  const before = await page.$eval('#doc-A .body', (b) => b.scrollTop);
  await finding.locator('button.select').click();
  assert.equal(await finding.getAttribute('aria-current'), 'true');
  for (const id of ids) {
    const state = await page.evaluate((fid) => {
      const mark = document.getElementById('fact-' + fid);
      const claim = mark.tagName === 'MARK' ? mark : mark.parentElement.querySelector(`mark[data-facts~="${CSS.escape(fid)}"]`);
      const box = claim.closest('.body').getBoundingClientRect();
      const at = claim.getBoundingClientRect();
      return { marked: claim.classList.contains('marked'), sentence: claim.closest('.sent').classList.contains('marked'),
        visible: at.top >= box.top && at.bottom <= box.bottom };
    }, id);
    assert.ok(state.marked, `claim ${id} is marked`);
    assert.ok(state.sentence, `sentence of ${id} is marked`);
    assert.ok(state.visible, `claim ${id} is scrolled into its document's view`);
  }
  assert.ok(await page.$eval('#doc-A .body', (b) => b.scrollTop) > before, 'document A scrolled');
  // only that finding's claims are marked
  const marked = await page.$$eval('mark.claim.marked', (m) => m.map((x) => x.dataset.facts.split(' ')));
  for (const facts of marked) assert.ok(facts.some((id) => ids.includes(id)), `${facts} belongs to the finding`);
  assert.equal(await page.locator('.sent.marked').count(),
    await page.$$eval('mark.claim.marked', (m) => new Set(m.map((x) => x.closest('.sent'))).size));
  await context.close();
});

test('findings filter by verdict', async () => {
  const r = report('demo', demo);
  const { page, context } = await open(r.url);
  const all = await page.locator('li.finding').count();
  const contradicts = r.json.summary.contradicts;
  assert.ok(contradicts > 0 && contradicts < all);
  const toggle = page.locator('.filters button[data-verdict="contradicts"]');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  assert.equal(await page.locator('li.finding[data-verdict="contradicts"]:visible').count(), 0);
  assert.equal(await page.locator('li.finding:visible').count(), all - contradicts);
  assert.equal(await page.locator('#filter-status').innerText(), `${all - contradicts} of ${all} findings shown`);
  await toggle.click();
  assert.equal(await page.locator('li.finding:visible').count(), all);
  await context.close();
});

test('a claim shows its normalised fact and the findings citing it, all by keyboard', async () => {
  const r = report('demo', demo);
  const { page, context } = await open(r.url);
  // claims are in the tab order
  let focused = '';
  for (let i = 0; i < 40 && !focused.startsWith('MARK'); ++i) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement.tagName + ' ' + (document.activeElement.dataset.facts || ''));
  }
  assert.ok(focused.startsWith('MARK'), 'Tab reaches a highlighted claim');
  // the negative count: "no attack in 2022", contradicted by the other document
  const absence = r.json.facts.find((f) => f.polarity === 'negative');
  await page.focus(`mark.claim[data-facts~="${absence.id}"]`);
  await page.keyboard.press('Enter');
  const panel = page.locator('#fact-panel');
  const text = await panel.innerText();
  assert.ok(text.includes(`Fact ${absence.id}`), text);
  assert.ok(text.includes('= 0'), 'the normalised quantity');
  assert.ok(text.includes('in 2022'), 'the normalised time');
  assert.ok(text.includes('negative'), 'the polarity');
  const cited = panel.locator('button.v-contradicts');
  assert.equal(await cited.count(), 1, 'the contradiction that cites it');
  await cited.focus();
  await page.keyboard.press('Enter');
  const current = page.locator('li.finding[aria-current="true"]');
  assert.equal(await current.count(), 1);
  assert.ok((await current.getAttribute('data-facts')).split(' ').includes(absence.id));
  assert.equal(await page.evaluate(() => document.activeElement.className), 'select', 'focus moves to the finding');
  await context.close();
});

test('without JavaScript everything is visible and nothing is interactive', async () => {
  const r = report('demo', demo);
  const { page, context } = await open(r.url, { javaScriptEnabled: false });
  assert.equal(await page.locator('html.js').count(), 0, 'the script did not run');
  const all = await page.locator('li.finding').count();
  assert.equal(all, r.json.findings.length);
  assert.equal(await page.locator('li.finding:visible').count(), all);
  assert.equal(await page.locator('.filters').isVisible(), false);
  assert.equal(await page.locator('#fact-panel').isVisible(), false);
  assert.equal(await page.locator('button.select:visible').count(), 0);
  assert.ok(await page.locator('.summary').isVisible());
  assert.equal(await page.locator('table.facts tbody tr:visible').count(), r.json.facts.length);
  assert.ok(await page.locator('mark.claim').first().isVisible());
  // findings link to the claims they cite
  const href = await page.locator('li.finding a').first().getAttribute('href');
  assert.equal(await page.locator(`[id="${href.slice(1)}"]`).count(), 1);
  await context.close();
});

test('print stylesheet: no controls, whole documents, every finding', async () => {
  const r = report('demo', demo);
  const { page, context } = await open(r.url);
  await page.locator('.filters button[data-verdict="corroborates"]').click();  // filtered on screen
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.filters').isVisible(), false);
  assert.equal(await page.locator('#fact-panel').isVisible(), false);
  assert.equal(await page.locator('li.finding:visible').count(), r.json.findings.length);
  assert.equal(await page.$eval('#doc-A .body', (b) => getComputedStyle(b).overflowY), 'visible');
  const pdf = await page.pdf();
  assert.ok(pdf.length > 10000, 'prints to PDF');
  await context.close();
});

test('on a narrow screen the documents are stacked', async () => {
  const r = report('demo', demo);
  const { page, context } = await open(r.url, { viewport: { width: 600, height: 900 } });
  const a = await page.locator('#doc-A').boundingBox();
  const b = await page.locator('#doc-B').boundingBox();
  assert.ok(b.y >= a.y + a.height, 'B below A');
  await context.close();
});

test('hostile text is shown literally and nothing in it runs', async () => {
  const hostile = path.join(work, 'hostile.txt');
  const title = '<script>window.__pwned=1</script>';
  const lines = [
    '<script>window.__pwned=2</script>',
    '"><img src=x onerror="window.__pwned=3">',
    '</textarea><textarea>',
    "'><svg onload=window.__pwned=4>",
  ];
  fs.writeFileSync(hostile, `---\ntitle: ${title}\nsource: "><img src=x onerror=alert(1)>\n---\n` +
    lines.join('\n') + '\nالقاهرة - اعتقلت الشرطة المصرية 12 شخصا عام 2020 <b>بحسب</b> "><img src=x onerror="window.__pwned=5">.\n');
  const r = report('hostile', [hostile, demo[0]]);
  const html = fs.readFileSync(r.file, 'utf8');
  assert.ok(!html.includes('<script>window.__pwned'), 'no raw script tag in the file');
  assert.ok(!html.includes('<img'), 'no raw img tag in the file');
  const context = await browser.newContext();
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
  });
  await page.goto(r.url);
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('img, svg, textarea, b').count(), 0);
  assert.equal(await page.locator('script').count(), 1, 'only the report script');
  const text = await page.locator('body').innerText();
  for (const l of [title, ...lines]) assert.ok(text.includes(l), `shown literally: ${l}`);
  assert.equal(await page.title(), 'claimcheck report: 2 documents, ' + r.json.findings.length + ' findings');
  // the claim inside the hostile line is still highlighted, and its panel shows text literally
  const mark = page.locator('#doc-A mark.claim').first();
  await mark.click();
  assert.ok((await page.locator('#fact-panel').innerText()).includes('12'));
  assert.equal(await page.locator('img, svg, textarea, b').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(dialogs, []);
  // the CSP forbids anything but the report's own script and style
  const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
  assert.match(csp, /default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]+=*'; style-src 'sha256-/);
  await context.close();
});

test('a report of 50 documents opens (time printed) and the screenshot is saved', async () => {
  const pool = [];
  for (const dir of fs.readdirSync(path.join(source, 'fixtures')).sort())
    for (const f of fs.readdirSync(path.join(source, 'fixtures', dir)).sort())
      if (f.endsWith('.txt')) pool.push(path.join(source, 'fixtures', dir, f));
  const docs = Array.from({ length: 50 }, (_, i) => pool[i % pool.length]);
  const r = report('fifty', docs);
  const started = Date.now();
  const { page, context } = await open(r.url);
  const elapsed = Date.now() - started;
  const inPage = await page.evaluate(() => Math.round(performance.now()));
  assert.equal(await page.locator('article.document').count(), 50);
  console.log(`# 50-document report: ${(fs.statSync(r.file).size / 1024).toFixed(0)} KB, ` +
    `${r.json.facts.length} facts, ${r.json.findings.length} findings; opened and ready in ${elapsed} ms ` +
    `(${inPage} ms by the page's clock)`);
  await context.close();

  const demoReport = report('demo', demo);
  const shot = await open(demoReport.url, { viewport: { width: 1400, height: 1000 } });
  await shot.page.locator('li.finding[data-verdict="contradicts"] button.select').first().click();
  await shot.page.locator('mark.claim.marked').first().click();
  await shot.page.evaluate(() => window.scrollTo(0, 0));
  const png = path.join(work, 'report.png');
  await shot.page.screenshot({ path: png });
  assert.ok(fs.statSync(png).size > 20000, 'screenshot saved');
  if (process.env.CLAIMCHECK_SCREENSHOT) fs.copyFileSync(png, process.env.CLAIMCHECK_SCREENSHOT);
  await shot.context.close();
});

test('on a 420 px screen the page never scrolls sideways', async () => {
  const r = report('narrow', demo);
  const { page, context, errors } = await open(r.url, { viewport: { width: 420, height: 900 } });
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client, `page is ${scroll} px wide in a ${client} px window`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('explanations: English left to right, cited Arabic sentences to the right, headlines become document ids, figures are grouped', async () => {
  const money = ['a.txt', 'b.txt'].map((f) => path.join('fixtures/compare-money', f));
  const r = report('explanations', money);
  const { page, context } = await open(r.url);
  const paragraphs = await page.$$eval('.finding .explanation', (ps) => ps.map((p) => ({
    text: p.textContent, dir: getComputedStyle(p).direction, align: getComputedStyle(p).textAlign })));
  assert.ok(paragraphs.length > 0);
  for (const doc of r.json.documents)
    if (doc.title) for (const p of paragraphs) assert.ok(!p.text.includes(doc.title), `no headline in “${p.text}”`);
  assert.ok(paragraphs.some((p) => /12,000,000 US dollars/.test(p.text)), 'figures grouped, currency named');
  const demoReport = report('explanations-demo', demo);
  const { page: page2, context: context2 } = await open(demoReport.url);
  // the rules write English: a sentence that starts with an Arabic name stays left to right
  const explanations = await page2.$$eval('.finding .explanation', (ps) => ps.map((p) => ({
    arabicFirst: /^[\u0600-\u06FF]/.test(p.textContent.trim()), dir: getComputedStyle(p).direction })));
  assert.ok(explanations.some((e) => e.arabicFirst), 'some explanations start with an Arabic name');
  for (const e of explanations) assert.equal(e.dir, 'ltr');
  // the sentences they cite are Arabic: right to left, aligned right when they wrap
  const cited = await page2.$$eval('.finding ul.cited li[lang="ar"]', (lis) => lis.map((li) =>
    [getComputedStyle(li).direction, getComputedStyle(li).textAlign]));
  assert.ok(cited.length > 0);
  for (const [dir, align] of cited) {
    assert.equal(dir, 'rtl');
    assert.ok(align === 'right' || align === 'start', `aligned ${align}`);
  }
  await context.close();
  await context2.close();
});
