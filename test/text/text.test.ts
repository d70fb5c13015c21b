import { describe, expect, it } from 'vitest';
import { foldWidth } from '../../src/text/width.js';
import { parseCsv } from '../../src/text/csv.js';
import { normalizeWidth } from '../../src/ledger/commands.js';
import { foldWidth as parserFold } from '../../src/ledger/extract/normalize.js';
import { parseCsv as exportParseCsv, toCsv } from '../../src/export/index.js';
import { parseTeamsCsv } from '../../src/ledger/teams-csv.js';

describe('width folding (one definition, two scopes)', () => {
  it('all: every full-width ASCII form and the ideographic space, length kept', () => {
    const s = 'Ｑ－００１２：已办结，（金融办）\u3000ＯＫ';
    const out = foldWidth(s);
    expect(out).toBe('Q-0012:已办结,(金融办) OK');
    expect(out.length).toBe(s.length);
    expect(parserFold(s)).toBe(out);
  });

  it('alnum: digits, letters and dashes only, Chinese punctuation kept', () => {
    const s = 'Ｑ－００１２，交办 人社局—３月２０日前：（急）';
    expect(foldWidth(s, 'alnum')).toBe('Q-0012，交办 人社局-3月20日前：（急）');
    expect(normalizeWidth(s)).toBe(foldWidth(s, 'alnum'));
    expect(normalizeWidth('a–b')).toBe('a-b');
  });

  it('keeps astral characters and offsets', () => {
    const s = '𠮷Ｑ１';
    expect(foldWidth(s)).toBe('𠮷Q1');
    expect(foldWidth(s, 'alnum')).toBe('𠮷Q1');
  });
});

describe('parseCsv (one definition)', () => {
  it('handles BOM, quotes, doubled quotes, commas and CRLF/LF/CR', () => {
    const text = '\uFEFFa,"b,c","say ""hi"""\r\n1,,"line\nbreak"\r2,3,4\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['1', '', 'line\nbreak'],
      ['2', '3', '4'],
    ]);
    expect(parseCsv('x,y')).toEqual([['x', 'y']]);
    expect(exportParseCsv).toBe(parseCsv);
  });

  it('round-trips the export and reads teams.csv (blank rows skipped)', () => {
    const csv = toCsv({
      name: 't',
      columns: [
        { header: '名称', width: 10, kind: 'text' },
        { header: '数', width: 4, kind: 'number' },
      ],
      rows: [['华康, "药业"', 3]],
    });
    expect(parseCsv(csv)).toEqual([
      ['名称', '数'],
      ['华康, "药业"', '3'],
    ]);
    const teams = parseTeamsCsv('\uFEFFid,name,enterprises\r\n\r\ndingtalk:c1,一组,"华康药业、七一电器"\r\n,,\r\n', 0);
    expect(teams.errors).toEqual([]);
    expect(teams.teams.map((t) => [t.id, t.enterprises])).toEqual([['dingtalk:c1', ['华康药业', '七一电器']]]);
  });
});
