/**
 * .pdf → text with pdf-parse v2 (pdf.js). Pages are joined without page markers.
 * pdf.js is imported here, on first use, and nowhere else: its legacy build replaces global built-ins (JSON.parse
 * among them, several times slower with a reviver), so only a process that ingests a PDF may load it — never serve.
 */
import { LoadError } from './errors.js';

export async function pdfToText(bytes: Uint8Array): Promise<{ text: string; title: string | null }> {
  const { PDFParse } = await import('pdf-parse');
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0 });
  try {
    const result = await parser.getText({ pageJoiner: '' });
    let title: string | null = null;
    try {
      const info = await parser.getInfo();
      const t = (info.info as { Title?: unknown } | undefined)?.Title;
      title = typeof t === 'string' && t.trim() ? t.trim() : null;
    } catch {
      title = null;
    }
    // Fonts without a usable ToUnicode map leak NULs and other control characters.
    const text = result.pages
      .map((p) => p.text)
      .join('\n')
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
    return { text, title };
  } catch (err) {
    if (err instanceof LoadError) throw err;
    const name = err instanceof Error ? err.name : '';
    const message = err instanceof Error ? err.message : String(err);
    if (/password/i.test(name + message)) throw new LoadError('unreadable', '文件有密码保护 (password protected)');
    throw new LoadError('unreadable', message.split('\n')[0]);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}
