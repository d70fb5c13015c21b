/**
 * Split a compilation (a magazine issue, a collection of speeches) into articles. An article starts at a title line
 * followed by a byline: "■本刊评论员", "■ 市委常委、组织部长 林晓峰", a unit ("中共衢州市柯城区委组织部"),
 * "作者：张三" or "文/张三". Editor's notes (编者按) printed before an article move into it.
 */
import { endsSentence, hasInternalTerminal, startsWithHeadingMarker } from './patterns.js';

export interface ArticleSlice {
  title: string;
  /** The byline as printed, null when none. */
  byline: string | null;
  /** Body lines (blank lines kept). */
  lines: string[];
}

const ORG_SUFFIX =
  '(?:委员会|党委|党组|党工委|工委|组织部|宣传部|统战部|政法委|课题组|调研组|编辑部|办公室|办公厅|人民政府|政府|局|厅|中心|研究院|研究所|学院|大学|学校|公司|集团|协会|学会|法院|检察院|支部|总支)';
const ORG_LINE = new RegExp(`^(?:中共)?[\\u4e00-\\u9fff（）()·]{2,28}?${ORG_SUFFIX}$`);
const MARK = /^[■□▍|｜]\s*/;
const AUTHOR_BYLINE = /^(?:作者|撰文|文)\s*[:：/｜|]\s*\S.{0,30}$/;
/** A person ("王 瑜", "罗凯帅"), a role + person ("市委常委、组织部长 林晓峰"), or a byline role (本刊评论员). */
const PERSON =
  /^(?:[\u4e00-\u9fff](?: ?[\u4e00-\u9fff]){1,3}|.{2,24}\s[\u4e00-\u9fff]{2,4}|.{0,12}(?:评论员|记者|通讯员|特约撰稿人))$/;

/** Whether a line is a byline. A "■" line must name a person, role or unit: "■ 加强组织领导" is a list item. */
export function isByline(line: string): boolean {
  if (!line || line.length > 36) return false;
  if (MARK.test(line)) {
    const who = line.replace(MARK, '').trim();
    return PERSON.test(who) || ORG_LINE.test(who) || /(?:课题组|调研组)$/.test(who);
  }
  return AUTHOR_BYLINE.test(line) || ORG_LINE.test(line);
}

/** Byline text → author: "■ 王 瑜" → "王 瑜" (names are tidied later), "作者：张三" → "张三". */
export function bylineAuthor(line: string): string {
  return line
    .replace(MARK, '')
    .replace(/^(?:作者|撰文|文)\s*[:：/｜|]\s*/, '')
    .trim();
}

/** Titles are at least this long (no spaces): shorter lines are labels and table cells ("牵头单位"). */
const MIN_TITLE_CHARS = 8;

export function isTitleCandidate(line: string): boolean {
  return (
    line.replace(/\s+/g, '').length >= MIN_TITLE_CHARS &&
    line.length <= 60 &&
    !endsSentence(line) &&
    !/[，,、]$/.test(line) &&
    !hasInternalTerminal(line) &&
    !startsWithHeadingMarker(line) &&
    !isByline(line)
  );
}

const nextNonEmpty = (lines: string[], from: number): number => {
  let i = from;
  while (i < lines.length && lines[i] === '') i++;
  return i;
};

const EDITOR_NOTE = /^编者按/;
/** An article body shorter than this is not an article: "牵头单位 / 县发改局" table cells look like title + byline. */
const MIN_ARTICLE_CHARS = 150;

/** Move a trailing 编者按 block of each slice to the start of the following article. */
function moveEditorNotes(preamble: string[], articles: ArticleSlice[]): void {
  const slices = [preamble, ...articles.map((a) => a.lines)];
  const notes = articles.map((_a, k) => {
    const lines = slices[k]!;
    const at = lines.findIndex((l) => EDITOR_NOTE.test(l));
    // Only a note at the tail (a few lines) is the next article's: one inside a body stays.
    if (at < 0 || lines.slice(at).filter(Boolean).length > 4) return [];
    return lines.splice(at);
  });
  notes.forEach((note, k) => {
    if (note.length) articles[k]!.lines.unshift(...note, '');
  });
}

/** Find article boundaries. `articles` is empty when the text has no title+byline pair. */
export function splitArticles(lines: string[]): { preamble: string[]; articles: ArticleSlice[] } {
  const starts: Array<{ title: number; byline: number }> = [];
  for (let i = nextNonEmpty(lines, 0); i < lines.length; i = nextNonEmpty(lines, i + 1)) {
    const j = nextNonEmpty(lines, i + 1);
    if (j >= lines.length) break;
    const k = nextNonEmpty(lines, j + 1);
    // A bare unit line is a byline only when a body paragraph follows it (not another table cell).
    const bodyFollows = (lines[k] ?? '').length >= 40 || endsSentence(lines[k] ?? '');
    const unitOnly = !MARK.test(lines[j]!) && !AUTHOR_BYLINE.test(lines[j]!);
    if (isTitleCandidate(lines[i]!) && isByline(lines[j]!) && (!unitOnly || bodyFollows)) {
      starts.push({ title: i, byline: j });
      i = j;
    }
  }
  // Drop boundaries whose body (up to the next boundary) is too short to be an article; merge them backwards.
  for (let k = starts.length - 1; k >= 0; k--) {
    const end = starts[k + 1]?.title ?? lines.length;
    const body = lines
      .slice(starts[k]!.byline + 1, end)
      .join('')
      .replace(/\s+/g, '');
    if (body.length < MIN_ARTICLE_CHARS) starts.splice(k, 1);
  }
  if (starts.length === 0) return { preamble: lines, articles: [] };
  const preamble = lines.slice(0, starts[0]!.title);
  const articles = starts.map((s, k) => ({
    title: lines[s.title]!,
    byline: lines[s.byline]!,
    lines: lines.slice(s.byline + 1, starts[k + 1]?.title ?? lines.length),
  }));
  moveEditorNotes(preamble, articles);
  return { preamble, articles };
}
