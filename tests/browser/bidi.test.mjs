// Quotes, punctuation and mixed-direction text in the HTML report, measured in Chromium:
// explanations are English sentences, left to right, whose Arabic names and quotes are
// isolated (<bdi>), so that each quotation mark, parenthesis and comma is drawn where the
// sentence puts it; cited sentences are right to left in their document's direction, the
// fact id at their start and the final full stop at their left end. Each check is also
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

/// What is wrong with an Arabic phrase's layout (`cs`: its characters, in logical order, on
/// one line): right to left, its first word must be its rightmost and a final stop its
/// leftmost character.
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
  const right = (w) => Math.max(...w.map((c) => c.right));
  const maxRight = Math.max(...visible.map((c) => c.right));
  if (right(words[0]) < maxRight - slack)
    problems.push(`${what}: its first word “${words[0].map((c) => c.ch).join('')}” is not at its right end`);
  const last = visible[visible.length - 1];
  if (finalStop.test(last.ch) && last.left > Math.min(...visible.slice(0, -1).map((c) => c.left)) + slack)
    problems.push(`${what}: its final “${last.ch}” is not at its left end`);
  return problems;
}

/// What is wrong with a left-to-right sentence's quotes (`cs`: its characters): each «…» or
/// “…” on one line has its opening mark left of all it quotes, its closing mark right of
/// it and of nothing that follows, and what it quotes laid out as phraseProblems wants.
function sentenceProblems(cs) {
  const text = cs.map((c) => c.ch).join('');
  const problems = [];
  let quotes = 0;
  for (const m of text.matchAll(/«([^»]*)»|“([^”]*)”/g)) {
    const open = cs[m.index], close = cs[m.index + m[0].length - 1];
    const inner = cs.slice(m.index + 1, m.index + m[0].length - 1);
    if (!inner.length || inner.some((c) => c.top !== open.top) || close.top !== open.top) continue;  // wrapped
    ++quotes;
    const what = `the quote ${m[0]}`;
    const visible = inner.filter((c) => c.ch !== ' ');
    if (open.right > Math.min(...visible.map((c) => c.left)) + slack) problems.push(`${what}: “${open.ch}” is not at its left`);
    if (close.left < Math.max(...visible.map((c) => c.right)) - slack) problems.push(`${what}: “${close.ch}” is not at its right`);
    const after = cs[m.index + m[0].length];
    if (after && after.ch !== ' ' && after.top === close.top && after.left < close.right - slack)
      problems.push(`${what}: the “${after.ch}” after it is not at its right`);
    problems.push(...phraseProblems(inner, what));
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
    return out;
  });
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
    if (c.lines !== 1) continue;
    assert.ok(c.a.left >= c.q.right - slack, `${what}: its id is right of the quote`);
    assert.ok(c.q.right > c.bdi.right + 2, `${what}: the opening mark is at the right`);
    assert.ok(c.q.left < c.bdi.left - 2, `${what}: the closing mark is at the left`);
    assert.deepEqual(phraseProblems(c.chars, what), []);
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
