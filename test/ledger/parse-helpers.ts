/** The parser as the tests call it: known enterprises loaded once, every result checked against the schema. */
import { expect } from 'vitest';
import { extractUpdate } from '../../src/ledger/extract/index.js';
import { loadKnownEnterprises } from '../../src/ledger/lexicon/index.js';
import { extractionSchema, type Extraction } from '../../src/ledger/model.js';

const known = loadKnownEnterprises();

export const parseChecked = (text: string, today = '2026-03-12'): Extraction => {
  const got = extractUpdate(text, { today, knownEnterprises: known });
  expect(extractionSchema.safeParse(got).success).toBe(true);
  return got;
};

/** Each issue's category, department and status. */
export const triples = (e: Extraction) => e.issues.map((i) => [i.category, i.department, i.status]);
