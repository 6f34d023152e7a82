// The HTML report's interface language in Chromium: by default the documents' (Arabic
// documents: Arabic labels, the page right to left), or the one --ui names (ar, en, fr);
// every fixed label in it (headings, verdict names, buttons, the legend, the table's
// columns, what the script writes); and the line that counts the figures no finding
// compares, with its reasons, as the JSON report counts them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { demo, launch, open, report, run, work } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

const arabic = /[\u0600-\u06FF]/;
const latin = /[A-Za-z]/;

/// The texts of the report's fixed labels: what the engine writes, not the documents.
async function labels(page) {
  return page.evaluate(() => {
    const texts = (selector) => [...document.querySelectorAll(selector)].map((e) => e.textContent.trim());
    return {
      title: document.title,
      h1: document.querySelector('h1').textContent,
      headings: texts('main h2'),
      summary: texts('.summary li'),
      filters: texts('.filters button'),
      show: document.querySelector('.filters > span').textContent,
      legend: texts('.legend li'),
      buttons: texts('button.select'),
      verdicts: texts('.finding .verdict'),
      columns: texts('table.facts th'),
      cells: texts('table.facts td:nth-child(2)'),
      meta: texts('.document .meta'),
      panel: document.querySelector('#fact-panel').textContent.trim(),
      footer: document.querySelector('footer').textContent,
      aria: [...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')),
    };
  });
}

test('Arabic documents get Arabic labels by default, and the page runs right to left', async () => {
  const r = report('labels-ar', demo, { ui: '' });
  const { page, context, errors } = await open(browser, r.url);
  const root = await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir,
    direction: getComputedStyle(document.body).direction }));
  assert.deepEqual(root, { lang: 'ar', dir: 'rtl', direction: 'rtl' });
  const l = await labels(page);
  // every label in Arabic; the only Latin letters are claimcheck's name, document ids and
  // the schema's name in the footer
  const strip = (s) => s.replace(/claimcheck(\.report\/1)?|JSON|\b[A-Z]:\d+\b|\b[A-Z]\b/g, '');
  for (const [what, value] of Object.entries(l))
    for (const text of [value].flat()) {
      assert.match(text, arabic, `${what}: “${text}” is in Arabic`);
      assert.doesNotMatch(strip(text), latin, `${what}: “${text}” has no English left`);
    }
  assert.deepEqual(l.headings, ['النتائج', 'الوقائع المستخرجة']);
  assert.equal(l.h1, `تقرير claimcheck — الوثائق: 2، النتائج: ${r.json.findings.length}`);
  assert.ok(l.filters.includes(`تناقض (${r.json.summary.contradicts})`), l.filters.join(' | '));
  assert.ok(l.verdicts.includes('تناقض') && l.verdicts.includes('تأكيد'), l.verdicts.join(' | '));
  assert.equal(l.buttons.length, r.json.findings.length);
  assert.ok(l.buttons.every((b) => b === 'إظهار في الوثائق'));
  assert.equal(l.columns.length, 11);
  // the layout follows: the title at the right, a finding's verdict bar on its right side
  const layout = await page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('h1'));
    const h1 = range.getBoundingClientRect();
    const finding = getComputedStyle(document.querySelector('li.finding'));
    return { h1Right: h1.right, h1Left: h1.left, width: document.documentElement.clientWidth,
      barRight: finding.borderRightWidth, barLeft: finding.borderLeftWidth };
  });
  assert.ok(layout.width - layout.h1Right < 40 && layout.h1Left > layout.width / 3, `title at the right: ${JSON.stringify(layout)}`);
  assert.deepEqual([layout.barRight, layout.barLeft], ['6px', '0px']);
  // what the script writes is in Arabic too: the selected claim, the filters' status
  const absence = r.json.facts.find((f) => f.polarity === 'negative');
  await page.locator(`mark.claim[data-facts~="${absence.id}"]`).click();
  const panel = await page.locator('#fact-panel').innerText();
  assert.ok(panel.includes(`الواقعة ${absence.id}`), panel);
  assert.ok(panel.includes('تستشهد بها:'), panel);
  assert.ok(panel.includes('الكمية'), 'the panel names the columns in Arabic');
  assert.ok(await page.locator('#fact-panel button.v-contradicts').innerText().then((t) => t.includes('تناقض:')));
  await page.locator('.filters button[data-verdict="contradicts"]').click();
  const shown = r.json.findings.length - r.json.summary.contradicts;
  assert.equal(await page.locator('#filter-status').innerText(), `النتائج المعروضة: ${shown} من ${r.json.findings.length}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('--ui fr gives French labels left to right; --ui en English ones, on the same Arabic documents', async () => {
  const fr = report('labels-fr', demo, { ui: 'fr' });
  const { page, context } = await open(browser, fr.url);
  assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['fr', 'ltr']);
  const l = await labels(page);
  assert.deepEqual(l.headings, ['Constats', 'Faits extraits']);
  assert.equal(l.title, `rapport claimcheck\u00a0: 2 documents, ${fr.json.findings.length} constats`);
  assert.ok(l.buttons.every((b) => b === 'Montrer dans les documents'));
  assert.ok(l.verdicts.includes('contredit') && l.verdicts.includes('corrobore'), l.verdicts.join(' | '));
  assert.equal(l.columns[0], 'Fait');
  assert.ok(l.meta.every((m) => m.includes('arabe')), 'the documents\' language named in French');
  for (const [what, value] of Object.entries(l))  // the documents' metadata stays as it is
    if (what !== 'meta')
      for (const text of [value].flat()) assert.doesNotMatch(text, arabic, `${what}: “${text}” has no Arabic label`);
  // the documents keep their own direction whatever the labels' language
  assert.equal(await page.$eval('#doc-A .body', (b) => getComputedStyle(b).direction), 'rtl');
  await page.locator('.filters button[data-verdict="contradicts"]').click();
  assert.match(await page.locator('#filter-status').innerText(), /^\d+ constats affichés sur \d+$/);
  await context.close();

  const en = report('labels-en', demo, { ui: 'en' });
  const opened = await open(browser, en.url);
  assert.deepEqual(await opened.page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['en', 'ltr']);
  const e = await labels(opened.page);
  assert.deepEqual(e.headings, ['Findings', 'Extracted facts']);
  assert.ok(e.verdicts.includes('contradicts'));
  await opened.context.close();
});

test('the header says how many figures no finding compares, and why, as the JSON counts them', async () => {
  // figures with a subject and a time (arrests and cells of one year: compared); two
  // without a subject; one without a time
  const texts = [
    'اعتقلت الشرطة المغربية 12 شخصا عام 2020.\n',
    'اعتقلت الشرطة 9 أشخاص عام 2020.\nوضبطت 3 أطنان من المخدرات.\n',
    'اعتقلت الشرطة 9 أشخاص.\n\nوفككت السلطات المغربية 4 خلايا إرهابية عام 2020.\n',
  ];
  const files = texts.map((t, i) => {
    const file = path.join(work, `uncompared-${i}.txt`);
    fs.writeFileSync(file, t);
    return file;
  });
  const expected = {
    en: '3 figures not compared: 2 without a subject, 1 without a time',
    fr: '3 chiffres non comparés\u00a0: 2 sans sujet, 1 sans période',
    ar: 'أرقام لم تُقارن: 3 (بلا جهة: 2، بلا زمن: 1)',
  };
  for (const ui of ['en', 'fr', 'ar']) {
    const r = report(`uncompared-${ui}`, files, { ui });
    assert.deepEqual(r.json.uncompared, { figures: 3, no_subject: 2, no_time: 1, no_counterpart: 0 });
    for (const javaScriptEnabled of [true, false]) {
      const { page, context } = await open(browser, r.url, { javaScriptEnabled });
      const line = page.locator('header.report p.uncompared');
      assert.ok(await line.isVisible(), `${ui}: the line is shown (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`);
      assert.equal(await line.innerText(), expected[ui]);
      const data = await line.evaluate((p) => ({ ...p.dataset }));
      assert.deepEqual(data, { figures: '3', noSubject: '2', noTime: '1', noCounterpart: '0' });
      await page.emulateMedia({ media: 'print' });
      assert.ok(await line.isVisible(), `${ui}: the line is printed`);
      await context.close();
    }
  }
  // the text report says the same in English
  const text = run(['compare', ...files]);
  assert.ok(text.includes(expected.en), text);
  // every figure compared (the demo): no line
  const r = report('uncompared-none', demo);
  assert.equal(r.json.uncompared.figures, 0);
  const { page, context } = await open(browser, r.url);
  assert.equal(await page.locator('p.uncompared').count(), 0);
  await context.close();
});
