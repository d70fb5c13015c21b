/**
 * Optional dense retrieval: chunk embeddings from the configured Embedder, cached on disk per
 * chunk-text hash (so a restart or a small corpus change only embeds new passages), searched by
 * cosine similarity over a flat normalised matrix.
 *
 * Cache file: `<cacheDir>/embeddings/<model-hash>.bin`, append-only records of
 * [20-byte sha1 of the text][uint32 dimension][dimension × float32].
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Embedder } from '../llm/types.js';
import type { Logger } from '../observability/logger.js';

const HASH_BYTES = 20;
/** Texts per embed() call; the embedder batches further as its endpoint requires. */
const EMBED_BATCH = 256;

export function textHash(text: string): string {
  return crypto.createHash('sha1').update(text).digest('hex');
}

export class EmbeddingCache {
  private readonly vectors = new Map<string, Float32Array>();
  readonly file: string | null;

  constructor(cacheDir: string | null, model: string) {
    this.file = cacheDir ? path.join(cacheDir, 'embeddings', `${textHash(model).slice(0, 16)}.bin`) : null;
    if (this.file && fs.existsSync(this.file)) this.load(fs.readFileSync(this.file));
  }

  get size(): number {
    return this.vectors.size;
  }

  get(hash: string): Float32Array | undefined {
    return this.vectors.get(hash);
  }

  /** Remember new vectors and append them to the cache file. */
  add(entries: Array<[string, Float32Array]>): void {
    const parts: Buffer[] = [];
    for (const [hash, vec] of entries) {
      this.vectors.set(hash, vec);
      const head = Buffer.alloc(HASH_BYTES + 4);
      Buffer.from(hash, 'hex').copy(head, 0);
      head.writeUInt32LE(vec.length, HASH_BYTES);
      parts.push(head, Buffer.from(vec.buffer, vec.byteOffset, vec.byteLength));
    }
    if (!this.file || parts.length === 0) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.appendFileSync(this.file, Buffer.concat(parts));
  }

  private load(buf: Buffer): void {
    let off = 0;
    while (off + HASH_BYTES + 4 <= buf.length) {
      const hash = buf.subarray(off, off + HASH_BYTES).toString('hex');
      const dim = buf.readUInt32LE(off + HASH_BYTES);
      const start = off + HASH_BYTES + 4;
      const end = start + dim * 4;
      if (dim === 0 || end > buf.length) break; // truncated tail (interrupted write): ignore
      // ArrayBuffer.slice copies, so the Float32Array is aligned whatever the Buffer's offset.
      this.vectors.set(hash, new Float32Array(buf.buffer.slice(buf.byteOffset + start, buf.byteOffset + end)));
      off = end;
    }
  }
}

export interface DenseHit {
  index: number;
  similarity: number;
}

export class DenseIndex {
  private constructor(
    private readonly embedder: Embedder,
    private readonly matrix: Float32Array,
    readonly dim: number,
    readonly count: number,
  ) {}

  /** Embed every chunk text (cached ones are not sent again). */
  static async build(
    embedder: Embedder,
    texts: string[],
    opts: { cacheDir?: string | null; logger?: Logger } = {},
  ): Promise<DenseIndex> {
    const cache = new EmbeddingCache(opts.cacheDir ?? null, embedder.model);
    const hashes = texts.map(textHash);
    const missing = [...new Set(hashes.filter((h) => !cache.get(h)))];
    const textOf = new Map(hashes.map((h, i) => [h, texts[i]!]));
    for (let i = 0; i < missing.length; i += EMBED_BATCH) {
      const batch = missing.slice(i, i + EMBED_BATCH);
      const vectors = await embedder.embed(batch.map((h) => textOf.get(h)!));
      cache.add(batch.map((h, j) => [h, Float32Array.from(vectors[j] ?? [])]));
    }
    opts.logger?.info(
      { chunks: texts.length, embedded: missing.length, cached: texts.length - missing.length },
      'dense index ready',
    );
    const dim = texts.length ? cache.get(hashes[0]!)!.length : 0;
    const matrix = new Float32Array(texts.length * dim);
    hashes.forEach((h, i) => {
      const v = cache.get(h)!;
      if (v.length !== dim) throw new Error(`embedding dimension mismatch: ${v.length} vs ${dim}`);
      matrix.set(normalise(v), i * dim);
    });
    return new DenseIndex(embedder, matrix, dim, texts.length);
  }

  async search(query: string, k: number): Promise<DenseHit[]> {
    const [qv] = await this.embedder.embed([query]);
    if (!qv || qv.length !== this.dim) throw new Error('query embedding has the wrong dimension');
    const q = normalise(Float32Array.from(qv));
    const sims: DenseHit[] = [];
    for (let i = 0; i < this.count; i++) {
      let dot = 0;
      const base = i * this.dim;
      for (let j = 0; j < this.dim; j++) dot += q[j]! * this.matrix[base + j]!;
      sims.push({ index: i, similarity: dot });
    }
    return sims.sort((a, b) => b.similarity - a.similarity || a.index - b.index).slice(0, k);
  }
}

function normalise(v: Float32Array): Float32Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i]! * v[i]!;
  n = Math.sqrt(n) || 1;
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i]! / n;
  return out;
}
