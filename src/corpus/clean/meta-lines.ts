/**
 * Editorial metadata lines — 来源：…, 责任编辑：…, 作者：…, 发布时间：… — near the top or bottom of a text.
 * They are lifted out of the body into metadata; the editorial ones (编辑, 审核 …) are simply dropped.
 */
import { findDate } from './dates.js';

export interface MetaFields {
  source?: string;
  author?: string;
  date?: string;
}

const SOURCE_KEYS = ['信息来源', '稿件来源', '文章来源', '新闻来源', '来源', '出处', '发布机构', '发文机关'];
const AUTHOR_KEYS = ['作者', '撰稿', '撰文', '供稿', '通讯员', '记者', '作者单位', '文'];
const DATE_KEYS = ['发布时间', '发布日期', '发文日期', '成文日期', '更新时间'];
const DROP_KEYS = [
  '责任编辑',
  '编辑',
  '审核',
  '审校',
  '校对',
  '初审',
  '复审',
  '终审',
  '监制',
  '编审',
  '美编',
  '图片',
  '摄影',
  '图',
  '浏览次数',
  '点击数',
  '阅读数',
  '字号',
  '分享到',
  '打印',
];
const ALL_KEYS = [...SOURCE_KEYS, ...AUTHOR_KEYS, ...DATE_KEYS, ...DROP_KEYS].sort((a, b) => b.length - a.length);

const KEY_ALT = ALL_KEYS.join('|');
/** `key：value` where value runs to the next key or the end. `文/张三` and `文｜张三` count too. */
const PAIR = new RegExp(`(${KEY_ALT})\\s*[:：/｜|]\\s*(.*?)(?=\\s*(?:${KEY_ALT})\\s*[:：/｜|]|$)`, 'g');
const WHOLE_LINE = new RegExp(`^(?:(?:${KEY_ALT})\\s*[:：/｜|]\\s*[^：]*?\\s*)+$`);
/** A metadata tail glued to the last sentence: "…做到公道正派。来源：绍兴日报". */
const INLINE_TAIL = new RegExp(`(?<=[。！？!?”])\\s*((?:(?:${KEY_ALT})\\s*[:：]\\s*[^。！？!?:：]{1,40}?\\s*)+)$`);

function fieldsOf(segment: string): MetaFields | null {
  const out: MetaFields = {};
  let any = false;
  for (const m of segment.matchAll(PAIR)) {
    const key = m[1] ?? '';
    const value = (m[2] ?? '').trim().replace(/[。；;，,]+$/, '');
    any = true;
    if (!value) continue;
    if (SOURCE_KEYS.includes(key)) out.source ??= value;
    else if (AUTHOR_KEYS.includes(key)) out.author ??= value;
    else if (DATE_KEYS.includes(key)) out.date ??= findDate(value) ?? undefined;
  }
  return any ? out : null;
}

/** Parse a line made only of metadata pairs; null when it is body text. */
export function parseMetaLine(line: string): MetaFields | null {
  if (line.length > 80 || !WHOLE_LINE.test(line)) return null;
  // "文" alone is too common a word: require the slash/bar form for it.
  if (/^文\s*[:：]/.test(line)) return null;
  return fieldsOf(line);
}

function merge(into: MetaFields, from: MetaFields): void {
  into.source ??= from.source;
  into.author ??= from.author;
  into.date ??= from.date;
}

/**
 * Lift metadata lines from the first and last `window` paragraphs, and a metadata tail glued to the last paragraph.
 * Returns the remaining paragraphs and the fields found.
 */
export function liftMetaLines(paras: string[], window = 4): { paras: string[]; meta: MetaFields } {
  const meta: MetaFields = {};
  const keep: string[] = [];
  paras.forEach((p, i) => {
    const nearEdge = i < window || i >= paras.length - window;
    const fields = nearEdge ? parseMetaLine(p) : null;
    if (fields) merge(meta, fields);
    else keep.push(p);
  });
  const last = keep.length - 1;
  if (last >= 0) {
    const m = INLINE_TAIL.exec(keep[last] ?? '');
    if (m?.[1]) {
      const fields = fieldsOf(m[1]);
      if (fields) {
        merge(meta, fields);
        keep[last] = (keep[last] ?? '').slice(0, m.index).trim();
        if (!keep[last]) keep.pop();
      }
    }
  }
  return { paras: keep, meta };
}
