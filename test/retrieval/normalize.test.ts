import { describe, expect, it } from 'vitest';
import { normalizeText, stripWhitespace } from '../../src/retrieval/index.js';

describe('normalizeText', () => {
  it('turns full-width letters, digits and punctuation into half-width and lower-cases Latin', () => {
    expect(normalizeText('ＡＢＣ１２３，（一）')).toBe('abc123,(一)');
    expect(normalizeText('3A示范村')).toBe('3a示范村');
  });

  it('unifies quotes and brackets', () => {
    expect(normalizeText('「三服务」『两全』‘五好’')).toBe('“三服务”“两全”“五好”');
    expect(normalizeText('〈条例〉【注】')).toBe('《条例》[注]');
  });

  it('strips whitespace inside Chinese text but keeps it between Latin words', () => {
    expect(normalizeText('组织 工作\n条例　全文')).toBe('组织工作条例全文');
    expect(normalizeText('Read  more 政策 通')).toBe('read more政策通');
  });

  it('stripWhitespace removes every kind of whitespace', () => {
    expect(stripWhitespace(' 签约5000余项\n民心 小事\u3000')).toBe('签约5000余项民心小事');
  });
});
