/** .docx → text with mammoth (raw text: one paragraph per line). */
import mammoth from 'mammoth';
import { LoadError } from './errors.js';

export async function docxToText(bytes: Buffer): Promise<string> {
  try {
    const result = await mammoth.extractRawText({ buffer: bytes });
    return result.value;
  } catch (err) {
    throw new LoadError('unreadable', err instanceof Error ? err.message.split('\n')[0] : String(err));
  }
}
