/**
 * File loaders for ingestion: .txt .md .html .docx .pdf → raw text plus a title hint from the container.
 * Failures throw LoadError with a Chinese + English reason.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { decodeBytes } from './decode-bytes.js';
import { docxToText } from './docx.js';
import { LoadError } from './errors.js';
import { htmlToText } from './html.js';
import { markdownToText } from './markdown.js';
import { pdfToText } from './pdf.js';

export { LoadError, type LoadErrorCode } from './errors.js';
export { decodeBytes } from './decode-bytes.js';
export { markdownToText } from './markdown.js';
export { htmlToText } from './html.js';

export interface LoadedText {
  text: string;
  /** Title from the container (<title>, # heading, PDF info), a hint only. */
  titleHint: string | null;
}

type Loader = (bytes: Buffer) => Promise<LoadedText>;

const plain: Loader = async (bytes) => ({ text: decodeBytes(bytes), titleHint: null });
const markdown: Loader = async (bytes) => {
  const { text, title } = markdownToText(decodeBytes(bytes));
  return { text, titleHint: title };
};
const html: Loader = async (bytes) => {
  const { text, title } = htmlToText(decodeBytes(bytes));
  return { text, titleHint: title };
};
const docx: Loader = async (bytes) => ({ text: await docxToText(bytes), titleHint: null });
const pdf: Loader = async (bytes) => {
  const { text, title } = await pdfToText(bytes);
  return { text, titleHint: title?.replace(/^Microsoft Word - /, '').replace(/\.(?:docx?|wps|pdf)$/i, '') ?? null };
};

const LOADERS: Record<string, Loader> = {
  '.txt': plain,
  '.text': plain,
  '.md': markdown,
  '.markdown': markdown,
  '.html': html,
  '.htm': html,
  '.docx': docx,
  '.pdf': pdf,
};

export const SUPPORTED_EXTENSIONS = Object.keys(LOADERS);

export function isSupported(file: string): boolean {
  return path.extname(file).toLowerCase() in LOADERS;
}

/** The error for a file type no loader handles; names the supported ones. */
export function unsupportedError(file: string): LoadError {
  const ext = path.extname(file).toLowerCase();
  return new LoadError(
    'unsupported',
    `${ext || '无扩展名 (no extension)'}；支持 (supported): ${SUPPORTED_EXTENSIONS.join(' ')}`,
  );
}

/** Load bytes that came from `file` (the extension picks the loader). */
export async function loadBytes(file: string, bytes: Buffer): Promise<LoadedText> {
  const ext = path.extname(file).toLowerCase();
  const loader = LOADERS[ext];
  if (!loader) throw unsupportedError(file);
  if (bytes.length === 0) throw new LoadError('empty');
  const loaded = await loader(bytes);
  if (!loaded.text.trim())
    throw new LoadError(
      ext === '.pdf' ? 'no_text' : 'empty',
      ext === '.pdf' ? '可能是扫描件 (scanned image?)' : undefined,
    );
  return loaded;
}

/** Read and load a file. */
export async function loadFile(file: string): Promise<{ bytes: Buffer; loaded: LoadedText }> {
  if (!isSupported(file)) throw unsupportedError(file);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (err) {
    throw new LoadError('io', err instanceof Error ? err.message : String(err));
  }
  return { bytes, loaded: await loadBytes(file, bytes) };
}
