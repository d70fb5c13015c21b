/** The cleaning rules on small synthetic texts: they are general, not tied to the bundled files. */
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/corpus/index.js';
import {
  decodeRaw,
  dropChrome,
  findDate,
  isCodeLine,
  layoutWidth,
  liftMasthead,
  liftMetaLines,
  liftToc,
  rejoinLines,
  splitArticles,
  splitInlineHeadings,
} from '../../src/corpus/clean/index.js';

const opts = { idStem: 'doc', file: 'doc.txt', fileHash: 'h' };
/** A body long enough to be an article (≥150 characters). */
const body = (lead: string) => `${lead}${'坚持问题导向，把服务企业的各项举措落到实处，确保取得实效。'.repeat(6)}`;

describe('decoding', () => {
  it("unwraps a text:'…' page dump and its escapes", () => {
    const raw = "text:'标题\\n\\n正文第一句。\\xa0第二句\\'引号\\'。\\u4e2d'";
    expect(decodeRaw(raw)).toBe("标题\n\n正文第一句。 第二句'引号'。中");
  });
  it('leaves ordinary text alone apart from CRLF and exotic spaces', () => {
    expect(decodeRaw('\uFEFF第一行\r\n第二行\u3000结束')).toBe('第一行\n第二行 结束');
  });
});

describe('chrome', () => {
  it('tells script lines from text with brackets and numbers', () => {
    expect(isCodeLine('var first_sceen__time = (+new Date());')).toBe(true);
    expect(isCodeLine('})();')).toBe(true);
    expect(isCodeLine("link.rel = 'stylesheet';")).toBe(true);
    expect(isCodeLine('电话：(0570) 3086872')).toBe(false);
    expect(isCodeLine('2019年第1期(总第62期)')).toBe(false);
    expect(isCodeLine('Smith, J. (2019) Policy review.')).toBe(false);
  });

  it('drops WeChat UI words only on WeChat pages, and a promo header block', () => {
    const wechat = ['正文。', '赞赏', '长按二维码向我转账', '阅读', '好看', '取消', '分享想法到看一看'];
    expect(dropChrome(wechat)).toEqual(['正文。']);
    // Outside a WeChat page a line "推荐" is text.
    expect(dropChrome(['推荐', '正文。'])).toEqual(['推荐', '正文。']);
    const promo = ['仅供学习 禁止外传', '某某文库', '现在订阅立享全部资料', '', '', '', '标题', '正文。'];
    expect(dropChrome(promo).filter(Boolean)).toEqual(['标题', '正文。']);
  });
});

describe('rejoining', () => {
  it('joins a sentence cut mid-word without a space, keeps headings and finished lines', () => {
    const out = rejoinLines([
      '一、总体要求',
      '全市组织系统践行新时代党的组',
      '织路线，服务发展大局。',
      '（一）深化完善专班工作制，',
      '优化提升实战平台。',
      '第一个关键词：机遇',
      '这个机遇源自“天时”。',
      '2. 下一项',
    ]);
    expect(out).toEqual([
      '一、总体要求',
      '全市组织系统践行新时代党的组织路线，服务发展大局。',
      '（一）深化完善专班工作制，优化提升实战平台。',
      '第一个关键词：机遇',
      '这个机遇源自“天时”。',
      '2. 下一项',
    ]);
  });

  it('keeps a space between Latin words and none between digits', () => {
    expect(rejoinLines(['The policy applies to all small', 'firms in the city.'])).toEqual([
      'The policy applies to all small firms in the city.',
    ]);
    expect(rejoinLines(['共引进人才12', '36人。'])).toEqual(['共引进人才1236人。']);
  });

  it('detects a fixed layout width and joins short printed lines that look like headings', () => {
    const narrow = [
      '各县市区要加快建立人才',
      '公寓保障体系对引进的博',
      '士给予三年免租并按规定',
      '发放安家补贴和生活补助',
      '对高级工程师给予两年免',
      '租政策由人社局牵头落实',
      '住建局资规局配合推进相',
      '关工作确保年底前完成。',
    ];
    expect(layoutWidth(narrow)).toBe(11);
    expect(rejoinLines(narrow)).toEqual([narrow.join('')]);
  });

  it('splits a body dumped as one line at numbered headings after a full stop', () => {
    expect(splitInlineHeadings(['前言。一、总体要求坚持。二、主要任务1、第一项。2、第二项。共3.5亿元。'])).toEqual([
      '前言。',
      '一、总体要求坚持。',
      '二、主要任务1、第一项。',
      '2、第二项。共3.5亿元。',
    ]);
  });
});

describe('metadata lines', () => {
  it('lifts 来源/责任编辑/发布时间 lines at the edges and a 来源 tail glued to the last sentence', () => {
    const { paras, meta } = liftMetaLines([
      '发布时间：2019-03-01 来源：市委组织部',
      '正文第一段。',
      '正文第二段。',
      '正文第三段。',
      '正文最后一段。来源：绍兴日报',
      '责任编辑：张三',
    ]);
    expect(paras).toEqual(['正文第一段。', '正文第二段。', '正文第三段。', '正文最后一段。']);
    expect(meta).toEqual({ source: '市委组织部', date: '2019-03-01' });
  });

  it('parses dates in the usual forms', () => {
    expect(findDate('2018-09-20')).toBe('2018-09-20');
    expect(findDate('于2019年3月6日召开')).toBe('2019-03-06');
    expect(findDate('2019年第1期')).toBe('2019');
    expect(findDate('2019年3月')).toBe('2019-03');
    expect(findDate('无日期')).toBeNull();
  });
});

describe('compilations', () => {
  it('reads a masthead and a contents page, then drops both', () => {
    const lines = [
      '某某通讯 月刊',
      '中共某某县委宣传部主办',
      '2020年第3期(总第12期)',
      '6月30日出版',
      '主 编 张 三',
      '叶 骏 朱永平 朱君才',
      '',
      '',
      '目 录',
      '■特稿',
      '02 乡村振兴的几点思考……李四',
      '■基层声音',
      '05 做好新时代群众工作',
      '……中共某某镇委员会',
      '',
      '正文开始。',
    ];
    const { masthead, lines: rest } = liftMasthead(lines);
    expect(masthead).toMatchObject({
      name: '某某通讯',
      issue: '2020年第3期',
      publisher: '中共某某县委宣传部',
      date: '2020-06-30',
    });
    expect(masthead?.lines).toContain('中共某某县委宣传部主办');
    const { toc, lines: body } = liftToc(rest);
    expect(toc).toEqual([
      { section: '特稿', title: '乡村振兴的几点思考', author: '李四', page: 2 },
      { section: '基层声音', title: '做好新时代群众工作', author: '中共某某镇委员会', page: 5 },
    ]);
    expect(body.filter(Boolean)).toEqual(['正文开始。']);
  });

  it("splits articles at title + byline pairs and moves an editor's note into the next article", () => {
    const { preamble, articles } = splitArticles([
      '乡村振兴的几点思考',
      '■ 李 四',
      body('第一篇正文。'),
      '编者按：以下文章供交流。',
      '做好新时代群众工作',
      '中共某某镇委员会',
      body('第二篇正文。'),
    ]);
    expect(preamble).toEqual([]);
    expect(articles).toEqual([
      { title: '乡村振兴的几点思考', byline: '■ 李 四', lines: [body('第一篇正文。')] },
      {
        title: '做好新时代群众工作',
        byline: '中共某某镇委员会',
        lines: ['编者按：以下文章供交流。', '', body('第二篇正文。')],
      },
    ]);
  });

  it('does not split at table cells or list items that look like title + byline', () => {
    const table = ['重点任务', '牵头单位', '县发改局', '配合单位', '县财政局', body('各单位要按照分工抓好落实。')];
    expect(splitArticles(table).articles).toEqual([]);
    const list = [
      '主要措施',
      '■ 加强组织领导',
      '■ 强化资金保障',
      body('各地要抓好落实。'),
      '保障机制',
      '■ 严格督查考核',
      body('定期通报。'),
    ];
    expect(splitArticles(list).articles).toEqual([]);
  });

  it('turns a compilation into one document per article with its own author', () => {
    const raw = [
      '乡村振兴的几点思考',
      '■ 李 四',
      body('乡村振兴要抓产业。'),
      '（作者单位：某某县委组织部）',
      '做好新时代群众工作',
      '中共某某镇委员会',
      body('群众工作要下沉一线。'),
    ].join('\n\n');
    const docs = cleanText(raw, opts);
    expect(docs.map((d) => [d.id, d.title, d.author, d.text])).toEqual([
      ['doc#01', '乡村振兴的几点思考', '李四（某某县委组织部）', body('乡村振兴要抓产业。')],
      ['doc#02', '做好新时代群众工作', '中共某某镇委员会', body('群众工作要下沉一线。')],
    ]);
  });

  it('reads a lone title + issuing unit at the top of a notice as title and author', () => {
    const [doc] = cleanText(['关于开展企业走访的通知', '某某县人民政府办公室', body('各乡镇：')].join('\n'), opts);
    expect(doc).toMatchObject({ id: 'doc', title: '关于开展企业走访的通知', author: '某某县人民政府办公室' });
  });
});

describe('single documents', () => {
  it('takes a title line, a signature date and 来源, and falls back to the file name for a title', () => {
    const [doc] = cleanText('关于开展走访活动的通知\n各单位：\n请于月底前完成走访。\n来源：县委办\n2021年5月8日', opts);
    expect(doc).toMatchObject({ id: 'doc', title: '关于开展走访活动的通知', source: '县委办', date: '2021-05-08' });
    expect(doc!.text).toBe('各单位：\n请于月底前完成走访。\n2021年5月8日');
    const [untitled] = cleanText('各单位要在月底前完成走访，并报送走访记录。', { ...opts, fileStem: '走访通知' });
    expect(untitled!.title).toBe('走访通知');
  });

  it("keeps a WeChat page's account facts (微信号, 功能介绍) as the account's own document, not in the article", () => {
    const raw = [
      '关于开展企业走访的通知',
      '某某发布',
      '某某发布',
      '微信号',
      'moumouFB',
      '功能介绍',
      '发布本县政务信息、办事指南',
      '2021-05-08',
      body('各乡镇：'),
    ].join('\n');
    const docs = cleanText(raw, opts);
    expect(docs.map((d) => d.id)).toEqual(['doc#00', 'doc']);
    expect(docs[0]).toMatchObject({ title: '“某某发布”公众号信息', section: '公众号信息', source: '某某发布' });
    expect(docs[0]!.text).toBe('公众号：某某发布\n微信号：moumouFB\n功能介绍：发布本县政务信息、办事指南');
    expect(docs[1]).toMatchObject({ title: '关于开展企业走访的通知', source: '某某发布', date: '2021-05-08' });
    expect(docs[1]!.text).not.toContain('moumouFB');
    // A page that prints neither an id nor a description has no account document.
    const bare = cleanText(
      ['标题一则', '某某发布', '某某发布', '微信号', '2021-05-08', body('各乡镇：')].join('\n'),
      opts,
    );
    expect(bare.map((d) => d.id)).toEqual(['doc']);
  });

  it('returns nothing for a text that is only chrome', () => {
    expect(cleanText("text:'\\n赞赏\\n阅读\\n分享想法到看一看\\n'", opts)).toEqual([]);
  });
});
