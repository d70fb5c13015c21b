/**
 * Bytes → text: UTF-8 (with or without BOM), else GB18030 (GBK/GB2312 files from Windows). Binary content
 * (NUL bytes, many control characters) is refused.
 */
import { LoadError } from './errors.js';

const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

function tryDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function decodeBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new LoadError('empty');
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw new LoadError('binary', '含有 NUL 字节 (contains NUL bytes)');
  const text = tryDecode(bytes, 'utf-8') ?? tryDecode(bytes, 'gb18030');
  if (text === null) throw new LoadError('binary', '既不是 UTF-8 也不是 GB18030 (neither UTF-8 nor GB18030)');
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > Math.max(2, text.length * 0.01)) {
    throw new LoadError('binary', `控制字符过多 (${controls} control characters)`);
  }
  if (!text.trim()) throw new LoadError('empty');
  return text.replace(CONTROL, '');
}
