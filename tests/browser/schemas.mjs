// The JSON Schemas of docs/schema/ compiled with Ajv (draft 2020-12, strict mode),
// and assertions that a report or a dataset follows them, with Ajv's errors in the message.
// Beyond what a schema can say, a report's counts must add up and its ids must resolve.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { source } from './support.mjs';

const schemaDir = path.join(source, 'docs/schema');
const ajv = new Ajv2020({ strict: true, allErrors: true });
export const reportSchema = JSON.parse(fs.readFileSync(path.join(schemaDir, 'report.schema.json'), 'utf8'));
export const datasetSchema = JSON.parse(fs.readFileSync(path.join(schemaDir, 'dataset.schema.json'), 'utf8'));
export const validateReport = ajv.compile(reportSchema);
export const validateDataset = ajv.compile(datasetSchema);
/// One line of `extract --format jsonl`: a fact as the report holds it.
export const validateFact = ajv.getSchema(`${reportSchema.$id}#/$defs/fact`);

function errors(validate) {
  return ajv.errorsText(validate.errors, { separator: '\n  ' });
}

/// `json` is a claimcheck.report/1: it follows the schema, and what the schema cannot say
/// holds (the summary counts the findings, the reasons add up to the figures not compared,
/// every fact and finding names a document and facts of the report).
export function assertReport(json, what) {
  assert.ok(validateReport(json), `${what} is not a claimcheck.report/1:\n  ${errors(validateReport)}`);
  const docs = new Set(json.documents.map((d) => d.id));
  const facts = new Set(json.facts.map((f) => f.id));
  assert.equal(facts.size, json.facts.length, `${what}: fact ids are unique`);
  for (const f of json.facts) assert.ok(docs.has(f.doc), `${what}: fact ${f.id} names document ${f.doc}`);
  if (!json.findings) return;
  for (const f of json.findings) {
    for (const d of f.docs) assert.ok(docs.has(d), `${what}: a ${f.rule} finding names document ${d}`);
    for (const id of f.facts) assert.ok(facts.has(id), `${what}: a ${f.rule} finding cites fact ${id}`);
  }
  const total = Object.values(json.summary).reduce((a, b) => a + b, 0);
  assert.equal(total, json.findings.length, `${what}: the summary counts every finding`);
  const u = json.uncompared;
  assert.equal(u.no_subject + u.no_time + u.no_counterpart, u.figures, `${what}: the reasons add up`);
}

/// `json` is a claimcheck.dataset/1.
export function assertDataset(json, what) {
  assert.ok(validateDataset(json), `${what} is not a claimcheck.dataset/1:\n  ${errors(validateDataset)}`);
}

/// Ajv's errors for `json` against `validate`, as [{instancePath, keyword}] (none when valid).
export function rejections(validate, json) {
  return validate(json) ? [] : validate.errors.map((e) => ({ instancePath: e.instancePath, keyword: e.keyword }));
}
