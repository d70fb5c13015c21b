/**
 * The explicit prefixes a user puts before a message to say what it is: 问：… (a policy question) and 报：…
 * (a status report). One definition, used by the router, the ask handler and the ledger's command parser.
 */

/** "问：", "提问:", "咨询：", "ask:" — routes to policy Q&A. */
export const ASK_PREFIX = /^\s*(?:问|提问|咨询|ask)\s*[:：]\s*/i;
/** What the ask handler strips: the prefixes above, "/ask", and "问 " with a space. */
const ASK_STRIP = /^\s*(?:\/ask\b|(?:问|提问|咨询|ask)\s*[:：]|(?:问|提问|咨询|ask)\s+)\s*/iu;

/** "报：", "报告:", "报送：", "记录：", "report:" — routes to the ledger. */
export const REPORT_PREFIX = /^\s*(?:报|报告|报送|记录|report)\s*[:：]\s*/i;

export function hasAskPrefix(text: string): boolean {
  return ASK_PREFIX.test(text);
}

export function hasReportPrefix(text: string): boolean {
  return REPORT_PREFIX.test(text);
}

export function stripAskPrefix(text: string): string {
  return text.replace(ASK_STRIP, '').trim();
}

/** "报：…" / "报告：…" stripped; other text unchanged (trimmed). */
export function stripReportPrefix(text: string): string {
  return text.replace(REPORT_PREFIX, '').trim();
}
