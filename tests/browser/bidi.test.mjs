// Quotes, punctuation and mixed-direction text in the HTML report, measured in Chromium:
// explanations are English sentences, left to right, whose Arabic names and quotes are
// isolated (<bdi>), so that each quotation mark, parenthesis and comma is drawn where the
// sentence puts it; cited sentences are right to left in their document's direction, the
// fact id at their start and the final full stop at their left end; the same for the facts
// table's values and sentences and for the selected claim's panel. Each check is also
// run on the same text without the isolation, where it must fail, so that the checks are
// known to tell a right layout from a wrong one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { demo, launch, open, report } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

/// In the page: every character of `el`'s text, in logical order, with its box.
function charBoxesSource() {
  window.charBoxes = (el) => {
    const out = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let t; (t = walker.nextNode());)
      for (let i = 0; i < t.data.length; i++) {
        range.setStart(t, i);
        range.setEnd(t, i + 1);
        const r = range.getBoundingClientRect();
        out.push({ ch: t.data[i], left: r.left, right: r.right, top: Math.round(r.top) });
      }
    return out;
  };
}

const rtlLetter = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const finalStop = /[.،؛؟!:]/;
const slack = 0.5;

/// Whether two characters' boxes are on one line.
const sameLine = (a, b) => Math.abs(a.top - b.top) < 4;

/// What is wrong with an Arabic phrase's layout (`cs`: its characters, in logical order):
/// right to left, its first word must be the rightmost of its line, and a final stop the
/// leftmost character of its line.
function phraseProblems(cs, what) {
  const problems = [];
  const visible = cs.filter((c) => c.ch !== ' ');
  if (!visible.length || !rtlLetter.test(visible.find((c) => /\p{L}/u.test(c.ch))?.ch ?? '')) return problems;
  const words = [];
  let word = [];
  for (const c of cs) {
    if (c.ch === ' ') { if (word.length) words.push(word); word = []; } else word.push(c);
  }
  if (word.length) words.push(word);
  const first = words[0].filter((c) => sameLine(c, words[0][0]));
  const firstLine = visible.filter((c) => sameLine(c, first[0]));
  if (Math.max(...first.map((c) => c.right)) < Math.max(...firstLine.map((c) => c.right)) - slack)
    problems.push(`${what}: its first word “${words[0].map((c) => c.ch).join('')}” is not at its right end`);
  const last = visible[visible.length - 1];
  const lastLine = visible.slice(0, -1).filter((c) => sameLine(c, last));
  if (finalStop.test(last.ch) && lastLine.length && last.left > Math.min(...lastLine.map((c) => c.left)) + slack)
    problems.push(`${what}: its final “${last.ch}” is not at its left end`);
  return problems;
}

/// What is wrong with a left-to-right sentence's quotes (`cs`: its characters): each «…» or
/// “…” has its opening mark left of what it quotes on its line, its closing mark right of it
/// and left of what follows on its line, and what it quotes laid out as phraseProblems wants.
function sentenceProblems(cs) {
  const text = cs.map((c) => c.ch).join('');
  const problems = [];
  let quotes = 0;
  for (const m of text.matchAll(/«([^»]*)»|“([^”]*)”/g)) {
    const open = cs[m.index], close = cs[m.index + m[0].length - 1];
    const inner = cs.slice(m.index + 1, m.index + m[0].length - 1).filter((c) => c.ch !== ' ');
    if (!inner.length) continue;
    ++quotes;
    const what = `the quote ${m[0]}`;
    const withOpen = inner.filter((c) => sameLine(c, open)), withClose = inner.filter((c) => sameLine(c, close));
    if (withOpen.length && open.right > Math.min(...withOpen.map((c) => c.left)) + slack)
      problems.push(`${what}: “${open.ch}” is not at its left`);
    if (withClose.length && close.left < Math.max(...withClose.map((c) => c.right)) - slack)
      problems.push(`${what}: “${close.ch}” is not at its right`);
    const after = cs[m.index + m[0].length];
    if (after && after.ch !== ' ' && sameLine(after, close) && after.left < close.right - slack)
      problems.push(`${what}: the “${after.ch}” after it is not at its right`);
    problems.push(...phraseProblems(cs.slice(m.index + 1, m.index + m[0].length - 1), what));
  }
  return { quotes, problems };
}

/// The layout of every explanation and cited sentence of the page, and of controls: the
/// same texts without their isolation (explanations as plain text in a left-to-right
/// paragraph, and in one whose direction its first letter decides, as dir=auto did; cited
/// sentences with their quotation marks as text, in a left-to-right line).
async function layout(page) {
  await page.evaluate(charBoxesSource);
  return page.evaluate(() => {
    const out = { explanations: [], cited: [], controls: { plain: [], auto: [], cited: [] } };
    for (const p of document.querySelectorAll('.finding .explanation')) {
      const style = getComputedStyle(p);
      out.explanations.push({ text: p.textContent, dir: style.direction, lang: p.lang,
        isolated: [...p.querySelectorAll('bdi')].map((b) => b.textContent), chars: window.charBoxes(p) });
      for (const [kind, dir] of [['plain', 'ltr'], ['auto', 'auto']]) {
        const control = document.createElement('p');
        control.className = 'explanation';
        control.dir = dir;
        control.textContent = p.textContent;
        p.after(control);
        out.controls[kind].push({ dir: getComputedStyle(control).direction, chars: window.charBoxes(control) });
        control.remove();
      }
    }
    for (const li of document.querySelectorAll('.finding ul.cited li[lang]')) {
      const q = li.querySelector('q'), bdi = q.querySelector('bdi'), a = li.querySelector('a');
      const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, height: r.height }; };
      const lines = q.getClientRects().length;
      out.cited.push({ id: a.textContent, dir: getComputedStyle(li).direction, lang: li.lang,
        align: getComputedStyle(li).textAlign, li: box(li), a: box(a), q: box(q), bdi: box(bdi), lines,
        chars: window.charBoxes(bdi) });
      const control = document.createElement('li');
      control.dir = 'ltr';
      control.textContent = `${a.textContent} «${bdi.textContent}»`;
      li.after(control);
      const cs = window.charBoxes(control);
      out.controls.cited.push({ lines: control.getClientRects().length, chars: cs });
      control.remove();
    }
    // the facts table: normalised values (quantity, time, source) and sentences
    out.values = [...document.querySelectorAll('table.facts td:is(:nth-child(7), :nth-child(8), :nth-child(9)) > bdi')]
      .map((b) => ({ text: b.textContent, dir: getComputedStyle(b).direction, chars: window.charBoxes(b) }));
    out.sentences = [...document.querySelectorAll('table.facts td:nth-child(11) > bdi')]
      .map((b) => ({ text: b.textContent, dir: getComputedStyle(b).direction, chars: window.charBoxes(b) }));
    return out;
  });
}

/// The selected claim's panel, once `mark` is clicked: its values and sentence, laid out.
async function panelLayout(page, mark) {
  await mark.click();
  return page.evaluate(() => [...document.querySelectorAll('#fact-panel dd')].map((dd) => ({
    text: dd.textContent, bdi: !!dd.querySelector('bdi'), lang: dd.querySelector('bdi[lang]')?.lang,
    dir: getComputedStyle(dd.querySelector('bdi') || dd).direction, chars: window.charBoxes(dd) })));
}

/// Checks the layout of report `r` in a page, and that its controls are found wrong.
async function checkReport(r, options = {}) {
  const { page, context, errors } = await open(browser, r.url, options);
  const l = await layout(page);
  assert.ok(l.explanations.length > 0 && l.cited.length > 0);
  let quotes = 0, isolatedNames = 0;
  for (const e of l.explanations) {
    assert.equal(e.dir, 'ltr', `“${e.text}” runs left to right`);
    assert.equal(e.lang, 'en');
    // every run of Arabic is isolated: the text outside the <bdi>s has none
    let outside = e.text;
    for (const s of e.isolated) outside = outside.replace(s, '');
    assert.doesNotMatch(outside, rtlLetter, `“${e.text}”: every Arabic name and quote is in a <bdi>`);
    isolatedNames += e.isolated.length;
    const s = sentenceProblems(e.chars);
    quotes += s.quotes;
    assert.deepEqual(s.problems, [], `“${e.text}”`);
  }
  assert.ok(quotes > 0 && isolatedNames >= quotes, `${quotes} quotes and ${isolatedNames} isolates measured`);
  for (const c of l.cited) {
    const what = `the sentence ${c.id} cites`;
    assert.equal(c.lang, 'ar');
    assert.equal(c.dir, 'rtl', `${what} runs right to left`);
    assert.ok(c.align === 'start' || c.align === 'right', `${what} is aligned right (${c.align})`);
    assert.ok(c.a.right >= c.li.right - 2, `${what}: its id is at the right, where it starts`);
    assert.deepEqual(phraseProblems(c.chars, what), []);
    if (c.lines !== 1) continue;
    assert.ok(c.a.left >= c.q.right - slack, `${what}: its id is right of the quote`);
    assert.ok(c.q.right > c.bdi.right + 2, `${what}: the opening mark is at the right`);
    assert.ok(c.q.left < c.bdi.left - 2, `${what}: the closing mark is at the left`);
  }
  // the facts table and the panel: values left to right with their quotes in place,
  // sentences right to left with the full stop at the left end
  const values = (list, what) => {
    let measured = 0;
    for (const v of list) {
      const s = sentenceProblems(v.chars);
      measured += s.quotes;
      assert.deepEqual(s.problems, [], `${what} “${v.text}”`);
    }
    return measured;
  };
  const sentences = (list, what) => {
    for (const v of list) assert.deepEqual(phraseProblems(v.chars, `${what} “${v.text}”`), []);
    return list.length;
  };
  assert.ok(l.values.every((v) => v.dir === 'ltr'), 'the table\'s values run left to right');
  assert.ok(values(l.values, 'the table\'s value') > 0, 'quotes in the table measured');
  assert.ok(l.sentences.every((v) => v.dir === 'rtl'), 'the table\'s sentences run right to left');
  assert.ok(sentences(l.sentences, 'the table\'s sentence') > 0, 'sentences in the table measured');
  if (options.javaScriptEnabled !== false) {
    const panel = await panelLayout(page, page.locator('mark.claim').first());
    assert.ok(panel.length > 3, 'the panel shows the fact');
    assert.ok(values(panel.filter((d) => d.bdi && !d.lang), 'the panel\'s value') > 0, 'quotes in the panel measured');
    assert.ok(panel.filter((d) => d.bdi && !d.lang).every((d) => d.dir === 'ltr'), 'the panel\'s values run left to right');
    const sentence = panel.filter((d) => d.lang === 'ar' && d.dir === 'rtl');
    assert.equal(sentence.length, 1, 'the panel\'s sentence runs right to left');
    sentences(sentence, 'the panel\'s sentence');
  }
  // the same texts without their isolation are laid out wrong, and the checks say so
  const failing = (controls, check) => controls.filter((c) => check(c).length > 0).length;
  assert.ok(failing(l.controls.plain, (c) => sentenceProblems(c.chars).problems) > 0,
    'unisolated quotes in a left-to-right sentence are found misplaced');
  const autoRtl = l.controls.auto.filter((c) => c.dir === 'rtl');
  if (autoRtl.length)
    assert.ok(failing(autoRtl, (c) => sentenceProblems(c.chars).problems) > 0,
      'an English sentence drawn right to left (dir=auto) is found misplaced');
  const oneLine = l.controls.cited.filter((c) => c.lines === 1);
  assert.ok(oneLine.length > 0 && oneLine.every((c) => {
    const quoted = c.chars.slice(c.chars.findIndex((x) => x.ch === '«') + 1, -1);
    return phraseProblems(quoted, 'control').length > 0;
  }), 'a cited Arabic sentence in a left-to-right line is found with its full stop at the wrong end');
  assert.deepEqual(errors, []);
  await context.close();
  return { startingInArabic: autoRtl.length };
}

test('demo report, English labels: quotes, names and punctuation sit where each language puts them', async () => {
  const { startingInArabic } = await checkReport(report('bidi-en', demo, { ui: 'en' }));
  assert.ok(startingInArabic > 0, 'some explanations start with an Arabic name, the case dir=auto drew right to left');
});

test('demo report, Arabic labels (a right-to-left page): explanations still left to right, quotes in place', async () => {
  await checkReport(report('bidi-ar', demo, { ui: '' }));
});

test('figures, currencies and units in explanations: in place on a narrow screen too', async () => {
  const money = ['a.txt', 'b.txt'].map((f) => path.join('fixtures/compare-money', f));
  const r = report('bidi-money', money, { ui: 'en' });
  await checkReport(r);
  await checkReport(r, { viewport: { width: 420, height: 900 } });
});
