/**
 * The bundled corpus after cleaning: no page chrome or script survives, broken lines are rejoined, metadata is
 * filled in, and the magazine issue is split into its articles.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundled, type CorpusDocument } from '../../src/corpus/index.js';
import { dropRepeatedDocuments } from '../../src/corpus/library.js';

const CORPUS_DIR = path.resolve('data/corpus');
const MAGAZINE = '004_793b3a574802021e.txt';
const squash = (s: string) => s.replace(/\s+/g, '');

let docs: CorpusDocument[] = [];
/** A file's documents, without the WeChat account document (公众号信息) a page also yields. */
const byFile = (file: string) => docs.filter((d) => d.file === file && d.section !== '公众号信息');
const one = (file: string) => {
  const found = byFile(file);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const article = (title: string) => {
  const found = byFile(MAGAZINE).filter((d) => squash(d.title) === squash(title));
  expect(found, title).toHaveLength(1);
  return found[0]!;
};

beforeAll(async () => {
  const skipped: string[] = [];
  docs = await loadBundled({ corpusDir: CORPUS_DIR, dataDir: '/nonexistent', onSkip: (f) => skipped.push(f) });
  expect(skipped).toEqual([]);
});

describe('chrome and script removal', () => {
  const forbidden = [
    '赞赏',
    '阅读原文',
    '分享想法',
    '看一看',
    '写留言',
    '微信扫一扫',
    '长按二维码',
    '二维码转账',
    '最多200字',
    '网络异常',
    '微信号',
    '功能介绍',
    'yuechengZG',
    'function(',
    'var ',
    'document.',
    'appendChild',
    '.css',
    '\\n',
    '\\x',
    "\\'",
    "text:'",
    '仅供学习',
    '禁止外传',
    'QQ群',
    '会员群',
    '倒卖',
    '编辑指导委员会',
    '准印证号',
    '电子信箱',
    'CONTENTS',
    '■',
    '**',
    '\u00a0',
  ];

  /** Masthead words that belong in the front-matter document (刊物信息) and nowhere else. */
  const mastheadOnly = new Set(['编辑指导委员会', '准印证号', '电子信箱']);
  /** A WeChat account's facts belong in its account document (公众号信息) and nowhere else. */
  const accountOnly = new Set(['微信号', '功能介绍', 'yuechengZG']);

  it('leaves none of the chrome, script or escape patterns in any document', () => {
    for (const d of docs) {
      for (const bad of forbidden) {
        if (d.section === '刊物信息' && mastheadOnly.has(bad)) continue;
        if (d.section === '公众号信息' && accountOnly.has(bad)) continue;
        expect(d.text.includes(bad), `${d.id} contains ${JSON.stringify(bad)}`).toBe(false);
        expect(d.title.includes(bad), `${d.id} title contains ${JSON.stringify(bad)}`).toBe(false);
      }
    }
  });

  it('drops UI words standing as lines, page markers, the contents page and dingbats', () => {
    const uiLine = /^(?:阅读|好看|在看|取消|确定|发送|推荐|知道了|我知道了|P\d{2,3}.*|目\s*录.*)$/;
    for (const d of docs) {
      for (const line of d.text.split('\n')) {
        expect(uiLine.test(line), `${d.id}: ${line}`).toBe(false);
        expect(/[\u{1F300}-\u{1FAFF}\u2700-\u27BF\u261B]/u.test(line), `${d.id}: ${line}`).toBe(false);
        expect(line).toBe(line.trim());
        expect(line).not.toBe('');
      }
    }
  });

  it("keeps the WeChat account's facts as an account document, kept once in the library", () => {
    const account = '公众号：越城组工\n微信号：yuechengZG\n功能介绍：政策咨询、信息发布、交流共享';
    // Both pages of the account print it; the library keeps the first.
    expect(docs.filter((d) => d.section === '公众号信息').map((d) => d.text)).toEqual([account, account]);
    expect(
      dropRepeatedDocuments(docs)
        .filter((d) => d.section === '公众号信息')
        .map((d) => d.id),
    ).toEqual(['000_1fc3d4bb55d48b45#00']);
    expect(dropRepeatedDocuments(docs)).toHaveLength(docs.length - 1);
  });

  it('keeps the body of the WeChat pages and ends it before the 来源 line', () => {
    const d = one('000_1fc3d4bb55d48b45.txt');
    expect(d.text.startsWith('《绍兴日报》2018年9月20日刊登了')).toBe(true);
    expect(d.text.endsWith('真正做到公道正派。')).toBe(true);
    expect(d.text.length).toBeGreaterThan(2500);
  });
});

describe('rejoining hard line breaks', () => {
  it('joins sentences cut across printed lines without inserting spaces', () => {
    const speech = article('聚焦新时代组织工作高质量发展 聚力推进市委“1433”发展战略体系重重落地');
    // Raw: "…践行新时代党的组" / "" / "织路线、服务…"
    expect(speech.text).toContain('也是全市组织系统践行新时代党的组织路线、服务“活力新衢州、美丽大花园”建设的担当之年');
    // Raw: "（二）深化完善专班工作制，" / "" / "优化提升干部担当实干的实战平台。…"
    expect(speech.text).toContain('（二）深化完善专班工作制，优化提升干部担当实干的实战平台。');
    // Raw: "…方法科学的组工铁军。①增" / "" / "强调研思考能力。…"
    expect(speech.text).toContain('①增强调研思考能力。');
    const jiangshan = article('全力实施数字经济人才“一号行动”');
    expect(jiangshan.text).toContain('这个挑战源自“人才结构”。多数企业不仅缺人才');
    const kaihua = article('开化县组织部门“五个一批” 真情实招服务民营企业高质量发展');
    expect(kaihua.text).toContain('选派50名党建指导员，重点联系指导50家民营企业党建工作。');
  });

  it('keeps headings as their own lines', () => {
    const speech = article('聚焦新时代组织工作高质量发展 聚力推进市委“1433”发展战略体系重重落地');
    const lines = speech.text.split('\n');
    expect(lines).toContain('一、聚焦组织路线服务政治路线的根本原则，深刻认识组织工作高质量发展的目标方位');
    expect(lines).toContain('三、聚焦担当斗争的主题主线，进一步激励干部新时代新担当新作为');
    expect(lines.some((l) => l.startsWith('（一）围绕新时代党的建设伟大工程'))).toBe(true);
    const jiangshan = article('全力实施数字经济人才“一号行动”');
    expect(jiangshan.text.split('\n')).toContain('第一个关键词：机遇');
    expect(jiangshan.text.split('\n')).toContain('第二个关键词：挑战');
  });

  it('splits bodies dumped as one long line at their numbered headings', () => {
    const lines = one('002_1018ffbe770b47ec.txt').text.split('\n');
    expect(lines.some((l) => l.startsWith('一、总体要求'))).toBe(true);
    expect(lines.some((l) => l.startsWith('四、组织保障'))).toBe(true);
    expect(lines.length).toBeGreaterThan(8);
  });
});

describe('metadata', () => {
  it('gives every document an id, title, file and hash; ids are unique', () => {
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
    for (const d of docs) {
      expect(d.title.trim().length, d.id).toBeGreaterThan(3);
      // A WeChat account document holds a few lines of the account's facts; every other document is text.
      expect(d.text.length, d.id).toBeGreaterThan(d.section === '公众号信息' ? 20 : 300);
      expect(d.fileHash).toMatch(/^[0-9a-f]{64}$/);
      expect(fs.existsSync(path.join(CORPUS_DIR, d.file))).toBe(true);
      if (d.date !== null) expect(d.date).toMatch(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/);
    }
  });

  it('reads the WeChat header: title, 公众号, date, and the 来源 line', () => {
    const d = one('000_1fc3d4bb55d48b45.txt');
    expect(d.title).toBe('【媒体聚焦】绍兴日报：新时代 新使命 新作为 ——越城区党的建设和组织工作综述');
    expect(d.source).toBe('越城组工');
    expect(d.date).toBe('2018-09-20');
    expect(d.origin).toBe('绍兴日报');
    const d2 = one('002_1018ffbe770b47ec.txt');
    expect(d2.title).toBe('绍兴市委组织部部署推进全市组织系统深入开展“三服务”活动');
    expect(d2.source).toBe('越城组工');
    expect(d2.date).toBeNull(); // the page only says 昨天
    expect(d2.origin).toBe('绍兴组工');
  });

  it('takes the title line after a promo header, and yearbook attribution as author', () => {
    const speech = one('001_109e6641f84a65ed.txt');
    expect(speech.title).toBe('在党建工作会议上的讲话');
    expect(speech.text.startsWith('同志们：')).toBe(true);
    const yearbook = one('003_df4a7801ed8c6299.txt');
    expect(yearbook.source).toBe('中国绍兴政府门户网站');
    expect(yearbook.author).toBe('章福宝、余一苗');
    expect(yearbook.date).toBe('2004');
    expect(yearbook.text).not.toContain('章福宝');
    expect(yearbook.text).not.toContain('信息来源');
  });
});

describe('the magazine issue', () => {
  it('is split into one document per article with ids stem#NN, after the front matter stem#00', () => {
    const all = byFile(MAGAZINE);
    expect(all[0]!.id).toBe('004_793b3a574802021e#00');
    const mag = all.slice(1);
    expect(mag.length).toBeGreaterThanOrEqual(18);
    expect(mag.length).toBeLessThanOrEqual(24);
    for (const [i, d] of mag.entries()) expect(d.id).toBe(`004_793b3a574802021e#${String(i + 1).padStart(2, '0')}`);
    for (const d of mag) {
      expect(d.source).toBe('衢州党建 2019年第1期');
      expect(d.date).toBe('2019-03-31');
      expect(d.author, d.title).toBeTruthy();
      expect(d.section, d.title).toBeTruthy();
    }
  });

  it('keeps the masthead and the contents as the front-matter document (publisher, issue, editors searchable)', () => {
    const fm = byFile(MAGAZINE)[0]!;
    expect(fm.title).toBe('《衢州党建》2019年第1期刊物信息');
    expect(fm.section).toBe('刊物信息');
    expect(fm.author).toBe('中共衢州市委组织部');
    expect(fm.text).toContain('中共衢州市委组织部主办');
    expect(squash(fm.text)).toContain('2019年第1期(总第62期)3月31日出版');
    expect(fm.text).toContain('主编 朱耀刚');
    // The contents: each entry with its column, title and author as printed (“……author”).
    expect(fm.text).toContain('卷首语：全力推进新时代组织工作高质量发展');
    expect(fm.text).toContain('交流发言：全力实施数字经济人才“一号行动”……中共江山市委组织部');
    expect(fm.text).toContain('调研报告：制定《中国共产党组织工作条例》研究……市委组织部课题组');
    // Not in any article's body.
    for (const d of byFile(MAGAZINE).slice(1)) expect(d.text).not.toContain('准印证号');
  });

  it('names each article with its own title, author or unit, and column', () => {
    const expected: Array<[string, string, string]> = [
      ['全力推进新时代组织工作高质量发展', '本刊评论员', '卷首语'],
      ['聚焦新时代组织工作高质量发展 聚力推进市委“1433”发展战略体系重重落地', '市委常委、组织部长 林晓峰', '领导讲话'],
      ['发扬战狼精神 争当改革尖兵', '中共衢州市衢江区委组织部', '交流发言'],
      ['全力实施数字经济人才“一号行动”', '中共江山市委组织部', '交流发言'],
      ['党建统领 特色推进 全力打响“红色资规”党建品牌', '衢州市自然资源和规划局党委', '交流发言'],
      ['常山县聚焦“高质量” 推动组织工作新担当新作为', '廖颖（常山县委组织部）', '学习贯彻'],
      ['启动当冲刺 首日即全签 衢江抽蓄战队攻坚克难再出发', '王瑜（衢江区委组织部）', '工作交流'],
      ['龙游县创新实行“亲清服务日” 全力当好民营企业“店小二”', '雷建波（龙游县委组织部）', '工作交流'],
      ['制定《中国共产党组织工作条例》研究', '市委组织部课题组', '调研报告'],
    ];
    for (const [title, author, section] of expected) {
      const d = article(title);
      expect(d.author, title).toBe(author);
      expect(d.section, title).toBe(section);
    }
  });

  it('keeps each article’s text in its own document', () => {
    const zhanlang = article('发扬战狼精神 争当改革尖兵');
    expect(zhanlang.text.startsWith('谢高华1931年11月生于衢江区横路办事处贺邵溪村')).toBe(true);
    expect(zhanlang.text).not.toContain('第一个关键词');
    const speech = article('聚焦新时代组织工作高质量发展 聚力推进市委“1433”发展战略体系重重落地');
    expect(speech.text.startsWith('编者按')).toBe(true); // the editor's note printed before it
    expect(speech.text).toContain('3月6日，我市召开全市组织部长会议。');
    expect(speech.text.endsWith('(本文系市委常委、组织部长林晓峰在全市组织部长会议上的讲话摘要)')).toBe(true);
    const report = article('制定《中国共产党组织工作条例》研究');
    expect(report.text.split('\n')).toContain('朱耀刚（衢州市委组织部调研室主任）');
    const editorial = article('全力推进新时代组织工作高质量发展');
    expect(editorial.text).not.toContain('编者按');
    expect(editorial.text).not.toContain('衢州党建');
  });

  it('drops the cover teaser that repeats the speech opening', () => {
    const all = byFile(MAGAZINE)
      .map((d) => d.text)
      .join('\n');
    expect(all.split('这次会议的主要任务是').length - 1).toBe(1);
  });
});

describe('cleaning keeps the content (qa-dev evidence)', () => {
  // The dev set lives beside the project (../shared), as on every machine and in CI.
  const qaFile = new URL('../../../shared/eval/qa-dev.jsonl', import.meta.url).pathname;
  const questions = fs.existsSync(qaFile)
    ? fs
        .readFileSync(qaFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { id: string; doc: string | null; evidence: string[] })
        .filter((q) => q.doc !== null)
    : [];

  it.skipIf(questions.length === 0)('finds every evidence string in exactly the documents of the named file', () => {
    let checked = 0;
    for (const q of questions) {
      for (const ev of q.evidence) {
        const holders = docs.filter((d) => squash(d.text).includes(squash(ev)));
        expect(holders.length, `${q.id}: ${ev}`).toBeGreaterThan(0);
        expect(new Set(holders.map((d) => d.file)), `${q.id}: ${ev}`).toEqual(new Set([q.doc]));
        if (q.doc === MAGAZINE) expect(holders, `${q.id}: ${ev} in one article`).toHaveLength(1);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
