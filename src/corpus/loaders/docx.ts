/** .docx → text with mammoth (raw text: one paragraph per line). mammoth loads on the first .docx, not at start-up. */
import { LoadError } from './errors.js';

export async function docxToText(bytes: Buffer): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.extractRawText({ buffer: bytes });
    return result.value;
  } catch (err) {
    throw new LoadError('unreadable', err instanceof Error ? err.message.split('\n')[0] : String(err));
  }
}
