/**
 * HTML → text with html-to-text; <title> (or the first <h1>) is the title hint. html-to-text (CommonJS) is required on
 * the first HTML page, not at start-up: most processes only read the cached index.
 */
import { createRequire } from 'node:module';
import type { convert as Convert } from 'html-to-text';

const require = createRequire(import.meta.url);
let convertFn: typeof Convert | null = null;
const convert: typeof Convert = (html, options) => {
  convertFn ??= (require('html-to-text') as { convert: typeof Convert }).convert;
  return convertFn(html, options);
};

const heading = (tag: string) => ({ selector: tag, options: { uppercase: false } });

function decodeEntities(s: string): string {
  return convert(`<p>${s}</p>`, { wordwrap: false }).trim();
}

export function htmlToText(html: string): { text: string; title: string | null } {
  const rawTitle =
    /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1] ?? null;
  const title = rawTitle ? decodeEntities(rawTitle.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ') || null : null;
  const text = convert(html, {
    wordwrap: false,
    preserveNewlines: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'noscript', format: 'skip' },
      { selector: 'nav', format: 'skip' },
      { selector: 'title', format: 'skip' },
      ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map(heading),
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
      { selector: 'ul', options: { itemPrefix: ' ' } },
    ],
  });
  return { text, title };
}
