/** Cleaning: raw page dumps, magazine issues and user files → CorpusDocument[]. */
export { cleanText, type CleanOptions } from './clean-document.js';
export { decodeRaw, unwrapPageDump, unescapeJsString, normalizeWhitespace, toLines } from './decode.js';
export { dropChrome, isCodeLine, isWechatUiLine, isPromoLine, stripDingbats } from './chrome.js';
export { rejoinLines, splitInlineHeadings, layoutWidth } from './rejoin.js';
export { splitArticles, isByline, isTitleCandidate, type ArticleSlice } from './articles.js';
export { liftMasthead, type Masthead } from './masthead.js';
export { liftToc, findTocEntry, titleSimilarity, type TocEntry } from './toc.js';
export { liftWechatHeader, type WechatHeader } from './wechat.js';
export { liftMetaLines, parseMetaLine, type MetaFields } from './meta-lines.js';
export { findDate } from './dates.js';
