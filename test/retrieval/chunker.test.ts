import { describe, expect, it } from 'vitest';
import type { CorpusDocument } from '../../src/corpus/types.js';
import { chunkDocument, detectHeading, splitSentences } from '../../src/retrieval/index.js';

function doc(text: string, id = 'd1'): CorpusDocument {
  return {
    id,
    title: '测试文件',
    source: '测试来源',
    date: '2019-03-31',
    author: null,
    text,
    file: 'x.txt',
    fileHash: 'h',
  };
}

const sentence = (n: number, len = 40) => `第${n}句${'政'.repeat(Math.max(1, len - 4))}。`;

describe('splitSentences', () => {
  it('splits after 。！？； and keeps closing quotes with their sentence', () => {
    expect(splitSentences('要坚持“因事而设”。必须是阶段性的任务；不得设立专班！对吗？“这是引语。”后面')).toEqual([
      '要坚持“因事而设”。',
      '必须是阶段性的任务；',
      '不得设立专班！',
      '对吗？',
      '“这是引语。”',
      '后面',
    ]);
  });
});

describe('detectHeading', () => {
  it('recognises the structure markers of official documents, outermost first', () => {
    expect(detectHeading('一、总体要求')).toMatchObject({ level: 2, text: '一、总体要求', wholeLine: true });
    expect(detectHeading('（二）城市基层党建工作稳步推进。实行“三单制”管理')).toMatchObject({
      level: 3,
      text: '（二）城市基层党建工作稳步推进',
      wholeLine: false,
    });
    expect(detectHeading('3、组织工作的概念内涵。我们理解')?.level).toBe(4);
    expect(detectHeading('(1)第一项')?.level).toBe(5);
    expect(detectHeading('①组建联合党委。')?.level).toBe(6);
    expect(detectHeading('第二部分 主要内容')?.level).toBe(1);
  });

  it('does not take numbers or ordinary sentences for headings', () => {
    expect(detectHeading('1.5亿元投资已到位')).toBeNull();
    expect(detectHeading('2019年，龙游县委组织部将继续')).toBeNull();
    expect(detectHeading('一是组织领航平台。')).toBeNull();
  });
});

describe('chunkDocument', () => {
  it('respects sentence boundaries, the maximum length, and overlaps by a sentence', async () => {
    const text = Array.from({ length: 30 }, (_, i) => sentence(i + 1)).join('');
    const chunks = await chunkDocument(doc(text), { targetChars: 200, maxChars: 600, overlapChars: 60 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(200);
      expect(c.text.endsWith('。')).toBe(true);
      expect(c.text.startsWith('第')).toBe(true);
    }
    // Consecutive chunks share their boundary sentence.
    for (let i = 1; i < chunks.length; i++) {
      const prevLast = splitSentences(chunks[i - 1]!.text).at(-1)!;
      expect(chunks[i]!.text.startsWith(prevLast)).toBe(true);
    }
    // Every sentence is somewhere.
    const all = chunks.map((c) => c.text).join('');
    for (let i = 1; i <= 30; i++) expect(all).toContain(`第${i}句`);
    expect(chunks[0]).toMatchObject({
      id: 'd1::0',
      docId: 'd1',
      title: '测试文件',
      source: '测试来源',
      date: '2019-03-31',
    });
  });

  it('cuts a sentence longer than the maximum at commas (langchain splitter), never above the maximum', async () => {
    const long = `${Array.from({ length: 40 }, (_, i) => `第${i}个分句内容较长一些`).join('，')}。`;
    const chunks = await chunkDocument(doc(long), { targetChars: 200, maxChars: 150, overlapChars: 0 });
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(150);
    expect(chunks.map((c) => c.text).join('')).toBe(long);
  });

  it('keeps the heading path of each section, and a heading line with its first passage', async () => {
    const text = [
      '同志们：',
      '下面我讲两点意见。',
      '一、聚焦主业、担当作为',
      '（一）党的十九大精神落实落细。全年举办专题研修班四期。',
      '（二）城市基层党建工作稳步推进。实行“三单制”管理。',
      '二、强基固本、激发活力',
      '1、强化政治意识。按照中央安排开展主题教育。',
    ].join('\n');
    const chunks = await chunkDocument(doc(text), { targetChars: 300 });
    const byText = (s: string) => chunks.find((c) => c.text.includes(s))!;
    expect(byText('下面我讲').headings).toEqual([]);
    expect(byText('研修班四期').headings).toEqual(['一、聚焦主业、担当作为', '（一）党的十九大精神落实落细']);
    expect(byText('研修班四期').text.startsWith('一、聚焦主业、担当作为\n（一）')).toBe(true);
    expect(byText('三单制').headings).toEqual(['一、聚焦主业、担当作为', '（二）城市基层党建工作稳步推进']);
    expect(byText('主题教育').headings).toEqual(['二、强基固本、激发活力', '1、强化政治意识']);
    // Sections are not merged into one passage.
    expect(byText('研修班四期').text).not.toContain('三单制');
  });

  it('keeps a short document whole when asked (search-batch), and chunks a long one', async () => {
    const short = await chunkDocument(doc('一、标题\n正文一句。正文两句。'), { wholeIfFits: true });
    expect(short).toHaveLength(1);
    expect(short[0]!.text).toBe('一、标题\n正文一句。正文两句。');
    const long = await chunkDocument(doc(Array.from({ length: 30 }, (_, i) => sentence(i)).join('')), {
      wholeIfFits: true,
    });
    expect(long.length).toBeGreaterThan(1);
  });
});
