// The schemas of docs/schema/ against everything the test suite reads and writes: every
// fixtures/*/dataset.json, and the JSON reports of extract (json, and each jsonl line as a
// fact), compare and check on the fixtures. Broken reports and datasets must be rejected
// (and a broken dataset by `claimcheck verify` too), so that the schemas are known to bite.
// The seed articles' reports are checked in seeds.test.mjs, which needs ../shared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { claimcheck, run, source, work } from './support.mjs';
import { assertDataset, assertReport, rejections, validateDataset, validateFact, validateReport } from './schemas.mjs';

const fixtures = fs.readdirSync(path.join(source, 'fixtures')).sort()
  .filter((d) => fs.existsSync(path.join(source, 'fixtures', d, 'dataset.json')))
  .map((d) => {
    const dir = path.join('fixtures', d);
    const dataset = JSON.parse(fs.readFileSync(path.join(source, dir, 'dataset.json'), 'utf8'));
    return { name: d, dir, dataset, files: dataset.documents.map((doc) => path.join(dir, doc.path)) };
  });

test('the fixtures are there to validate', () => {
  assert.ok(fixtures.length >= 14, `${fixtures.length} fixture datasets`);
  assert.ok(fixtures.filter((f) => f.files.length >= 2).length >= 8, 'comparisons among them');
});

test('every fixture dataset.json is a claimcheck.dataset/1', () => {
  for (const f of fixtures) assertDataset(f.dataset, `${f.dir}/dataset.json`);
});

test('extract: the JSON report of every fixture, and each JSON Lines fact', () => {
  let facts = 0;
  for (const f of fixtures) {
    const json = JSON.parse(run(['extract', '--format', 'json', ...f.files]));
    assertReport(json, `extract ${f.dir}`);
    assert.equal(json.findings, undefined, 'extract has no findings');
    const lines = run(['extract', '--format', 'jsonl', ...f.files]).split('\n').filter((l) => l);
    assert.equal(lines.length, json.facts.length, `${f.dir}: one line a fact`);
    for (const line of lines)
      assert.ok(validateFact(JSON.parse(line)), `${f.dir}: ${line}\n  ${JSON.stringify(validateFact.errors)}`);
    facts += json.facts.length;
  }
  assert.ok(facts > 50, `${facts} facts validated`);
});

test('compare: the JSON report of every fixture comparison, and of all fixture articles at once', () => {
  const verdicts = new Set();
  for (const f of fixtures.filter((x) => x.files.length >= 2)) {
    const json = JSON.parse(run(['compare', '--format', 'json', ...f.files]));
    assertReport(json, `compare ${f.dir}`);
    assert.ok(json.findings.length > 0, `${f.dir} has findings`);
    json.findings.forEach((x) => verdicts.add(x.verdict));
  }
  const all = JSON.parse(run(['compare', '--format', 'json', ...fixtures.flatMap((f) => f.files)]));
  assertReport(all, 'compare of every fixture article');
  all.findings.forEach((x) => verdicts.add(x.verdict));
  for (const v of ['corroborates', 'differs', 'contradicts', 'single-source'])
    assert.ok(verdicts.has(v), `some report has a ${v} finding`);
  // every shape of details is among them: two facts, sets, a group
  const details = all.findings.map((x) => x.details);
  assert.ok(details.some((d) => d.a && d.b), 'details of two facts');
  assert.ok(details.some((d) => d.shared && d.only_in), 'details of sets');
  assert.ok(details.some((d) => d.group_facts), 'details of a group');
});

test('the examples in docs/datasets.md and docs/report.md follow the schemas', () => {
  const examples = (file) => [...fs.readFileSync(path.join(source, 'docs', file), 'utf8')
    .matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]));
  const datasets = examples('datasets.md');
  assert.ok(datasets.length >= 1, 'docs/datasets.md has an example');
  datasets.forEach((d, i) => assertDataset(d, `docs/datasets.md, example ${i + 1}`));
  const reports = examples('report.md');
  assert.ok(reports.length >= 1, 'docs/report.md has an example');
  reports.forEach((r, i) => assertReport(r, `docs/report.md, example ${i + 1}`));
});

test('check: the JSON report of new articles against a corpus of the others', () => {
  const db = path.join(work, 'schema-corpus.sqlite');
  fs.rmSync(db, { force: true });
  const comparisons = fixtures.filter((f) => f.files.length >= 2);
  run(['-q', 'ingest', '--db', db, ...comparisons.map((f) => f.files[0])]);
  let findings = 0;
  for (const f of comparisons) {
    const json = JSON.parse(run(['check', '--db', db, '--format', 'json', ...f.files.slice(1)]));
    assertReport(json, `check ${f.dir}`);
    // every document a finding cites is listed: the stored ones it was checked against, or
    // the new ones alone (an incident's figures meet only among the files given together)
    const ids = new Set(json.documents.map((d) => d.id));
    for (const x of json.findings)
      for (const d of x.docs) assert.ok(ids.has(d), `check ${f.dir}: finding cites ${d}, not listed`);
    findings += json.findings.length;
  }
  assert.ok(findings > 0, 'the checks found something to validate');
});

/// A deep copy of `json` changed by `edit`.
function broken(json, edit) {
  const copy = structuredClone(json);
  edit(copy);
  return copy;
}

test('a broken report is rejected, at the place it is broken', () => {
  const good = JSON.parse(run(['compare', '--format', 'json', 'fixtures/report-demo/a.txt', 'fixtures/report-demo/b.txt']));
  assertReport(good, 'the demo report');
  const quantity = good.facts.findIndex((f) => f.quantity);
  const cases = [
    ['an unknown verdict', (j) => { j.findings[0].verdict = 'maybe'; }, '/findings/0/verdict', 'enum'],
    ['a verdict missing from the summary', (j) => { delete j.summary.contradicts; }, '/summary', 'required'],
    ['a figure as text', (j) => { j.facts[quantity].quantity.value = '12'; }, `/facts/${quantity}/quantity/value`, 'type'],
    ['a field the fact model has not', (j) => { j.facts[0].region = 'EG'; }, '/facts/0', 'additionalProperties'],
    ['a time that is no ISO 8601 prefix', (j) => { j.facts[quantity].time = { op: 'in', from: 'last year', to: null, inherited: false, text: '' }; },
      `/facts/${quantity}/time/from`, 'pattern'],
    ['findings without a summary', (j) => { delete j.summary; }, '', 'dependentRequired'],
    ['another schema', (j) => { j.schema = 'claimcheck.report/2'; }, '/schema', 'const'],
    ['a sentence counted from 0', (j) => { j.facts[0].sentence = 0; }, '/facts/0/sentence', 'minimum'],
  ];
  for (const [what, edit, at, keyword] of cases) {
    const errors = rejections(validateReport, broken(good, edit));
    assert.ok(errors.some((e) => e.instancePath === at && e.keyword === keyword),
      `${what}: expected ${keyword} at '${at}', got ${JSON.stringify(errors)}`);
  }
  // the schema's other checks too: a summary that does not count the findings
  assert.throws(() => assertReport(broken(good, (j) => { j.summary.corroborates += 1; }), 'x'), /the summary counts every finding/);
  assert.throws(() => assertReport(broken(good, (j) => { j.findings[0].facts.push('Z:99'); }), 'x'), /cites fact Z:99/);
});

test('a broken dataset is rejected by the schema and by claimcheck verify alike', () => {
  const dir = path.join(work, 'broken-dataset');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(source, 'fixtures/compare-rounding/a.txt'), path.join(dir, 'a.txt'));
  const good = { schema: 'claimcheck.dataset/1', name: 'broken', documents: [{ id: 'a', path: 'a.txt' }],
    expect_facts: [{ doc: 'a', quantity: { approx: 150 }, time: { in: '2022' } }], expect_findings: [] };
  /// claimcheck verify's exit code on `json`, written as DIR/dataset.json
  const verify = (json) => {
    fs.writeFileSync(path.join(dir, 'dataset.json'), JSON.stringify(json));
    try {
      execFileSync(claimcheck, ['verify', dir], { stdio: 'pipe' });
      return 0;
    } catch (e) {
      return e.status;
    }
  };
  assertDataset(good, 'the good dataset');
  assert.equal(verify(good), 0, 'verify accepts the good dataset');
  const cases = [
    ['an unknown field', (j) => { j.expect_fact = []; }],
    ['two operators in one quantity', (j) => { j.expect_facts[0].quantity = { gt: 1, lt: 3 }; }],
    ['an unknown operator', (j) => { j.expect_facts[0].time = { during: '2021' }; }],
    ['no documents', (j) => { j.documents = []; }],
    ['a document without a path', (j) => { delete j.documents[0].path; }],
    ['a misspelt document field', (j) => { j.documents[0].titel = 'x'; }],
    ['another schema', (j) => { j.schema = 'claimcheck.dataset/2'; }],
    ['an unknown field in a finding', (j) => { j.expect_findings.push({ verdit: 'contradicts' }); }],
  ];
  for (const [what, edit] of cases) {
    const bad = broken(good, edit);
    assert.notDeepEqual(rejections(validateDataset, bad), [], `the schema rejects ${what}`);
    assert.equal(verify(bad), 3, `claimcheck verify rejects ${what}`);
  }
});
