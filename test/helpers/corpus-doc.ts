import type { CorpusDocument } from '../../src/corpus/types.js';

/** A corpus document for a small synthetic corpus: the file and its hash follow the id. */
export function doc(id: string, title: string, text: string, extra: Partial<CorpusDocument> = {}): CorpusDocument {
  return { id, title, text, source: null, date: null, author: null, file: `${id}.txt`, fileHash: id, ...extra };
}
