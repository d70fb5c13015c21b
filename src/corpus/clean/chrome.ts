/**
 * Page chrome: inline JavaScript, WeChat article UI (赞赏, 阅读, 好看, 分享想法, 写留言, 微信扫一扫 …),
 * document-seller promo headers (仅供学习 禁止外传, 会员群, QQ群 …) and decorative dingbats.
 * Lines are trimmed; '' is a blank line and is kept so that block structure survives.
 */

/** Lines that only ever occur as WeChat UI, whatever the document. */
const WECHAT_SIGNATURE = [
  /(?:推荐到|想法到|在)看一看|“看一看”/,
  /分享(?:你的)?想法/,
  /^赞赏$/,
  /赞赏功能/,
  /^(?:\d+\s*人)?赞赏$/,
  /二维码(?:向我)?转账/,
  /^微信扫一扫/,
  /^扫一扫/,
  /^阅读原文$/,
  /^写留言$/,
  /^(?:精选)?留言$/,
  /使用小程序$/,
  /^喜欢此内容的人还喜欢/,
  /^预览时标签不可点/,
  /^继续滑动看下一个/,
  /^轻点两下取消(?:赞|在看)/,
  /^向上滑动看下一个/,
  /^关注该公众号/,
  /^最多\d+字，当前共\d*字$/,
];

/** Short UI words that are chrome only inside a WeChat page. */
const WECHAT_UI = [
  /^阅读\s*(?:\d+|10万\+)?$/,
  /^(?:好看|在看|赞|点赞|分享|收藏|投诉|推荐|取消|确定|发送|发送中|已发送|知道了|我知道了|视频|小程序|留言)\s*\d*$/,
  /^已推荐到看一看/,
  /^你的朋友可以在“发现”/,
  /^已取消，“好看”想法已同步删除$/,
  /^朋友将在看一看看到$/,
  /^分享你的想法/,
  /^网络异常，请稍后重试$/,
  /^长按二维码/,
  /^长按识别二维码/,
  /^受苹果公司新规定影响/,
  /^微信号$/,
  /^功能介绍$/,
  /^(?:原创|转载)$/,
  /^Read more$/i,
  /^:?Scan to Follow$/i,
];

/** Promo lines of document sellers and reposting sites. */
const PROMO = [
  /仅供学习/,
  /禁止外传/,
  /会员群/,
  /QQ群/i,
  /倒卖/,
  /订阅.{0,12}(?:权益|资料)/,
  /会员(?:资料|材料|权益)/,
  /扫码关注/,
  /点击(?:上方|下方)?蓝字/,
  /更多精彩(?:内容)?请关注/,
];

export function isWechatSignatureLine(line: string): boolean {
  return line.length <= 60 && WECHAT_SIGNATURE.some((re) => re.test(line));
}

export function isWechatUiLine(line: string): boolean {
  return isWechatSignatureLine(line) || WECHAT_UI.some((re) => re.test(line));
}

export function isPromoLine(line: string): boolean {
  return line.length <= 80 && PROMO.some((re) => re.test(line));
}

/**
 * Inline script / style lines: mostly ASCII and carrying code punctuation or keywords.
 * A phone number "(0570) 3086872" is not code; `var x = …;`, `})();`, `link.href = "…";` are.
 */
export function isCodeLine(line: string): boolean {
  if (!line) return false;
  const ascii = [...line].filter((c) => c.charCodeAt(0) < 0x80).length / [...line].length;
  if (ascii < 0.6) return false;
  return (
    /^[{}()[\];,\s]+$/.test(line) ||
    /[=(].*;\s*$/.test(line) ||
    /[{}]/.test(line) ||
    /=>|===?|!==?|&&|\|\||\(\)/.test(line) ||
    /^(?:var|let|const|function|if|else|for|while|return|try|catch|throw|new)\b/.test(line) ||
    /\b(?:document|window|navigator|console)\.\w+/.test(line) ||
    /^<\/?(?:script|style|link|meta)\b/i.test(line)
  );
}

/** Stray HTML tags inside plain text. */
export function stripTags(line: string): string {
  return line.replace(/<\/?[a-zA-Z][\w:-]*(?:\s[^<>]*)?\/?>/g, '').trim();
}

/** Pictographs and dingbats used as end marks (🔥 ✎ ✍ ☛ ✿). Keeps ■ ①… and CJK punctuation. */
export function stripDingbats(line: string): string {
  return line
    .replace(/(?:[\u{1F000}-\u{1FAFF}\u2600-\u26FF\u2700-\u27BF\u2B00-\u2BFF]|\uFE0F)/gu, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** Whether a page carries WeChat UI chrome (then the short UI words are chrome too). */
export function looksLikeWechatPage(lines: string[]): boolean {
  return lines.filter(isWechatSignatureLine).length >= 2;
}

/**
 * Drop a promo header: the lines before the first gap of ≥2 blank lines near the top, when that block
 * contains a promo line. Promo lines elsewhere are dropped one by one.
 */
export function dropPromo(lines: string[]): string[] {
  let gapAt = -1;
  let blanks = 0;
  let nonEmpty = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === '') {
      blanks++;
      if (blanks >= 2 && nonEmpty > 0) {
        gapAt = i;
        break;
      }
    } else {
      blanks = 0;
      nonEmpty++;
      if (nonEmpty > 15) break;
    }
  }
  let out = lines;
  if (gapAt > 0 && lines.slice(0, gapAt).some(isPromoLine)) out = lines.slice(gapAt);
  return out.filter((l) => !isPromoLine(l));
}

/** Remove JS, WeChat UI and promo chrome; strip stray tags. */
export function dropChrome(lines: string[]): string[] {
  const wechat = looksLikeWechatPage(lines);
  const kept = lines
    .map((l) => (l.includes('<') ? stripTags(l) : l))
    .filter((l) => !isCodeLine(l))
    .filter((l) => !(wechat ? isWechatUiLine(l) : isWechatSignatureLine(l)));
  return dropPromo(kept);
}
