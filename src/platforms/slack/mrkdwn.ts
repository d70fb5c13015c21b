/**
 * Slack text conventions, both ways.
 *  - Outbound: reply blocks carry plain text (often user-supplied: team names, nicknames, enterprise names,
 *    summaries, quoted questions), so it is rendered as data: &, <, > as HTML entities and the mrkdwn formatting
 *    characters (* _ ~ `) as their full-width look-alikes — Slack has no backslash escape. Nothing becomes a link
 *    or a mention; text objects also carry `verbatim: true` so Slack does not auto-link URLs (render.ts). Bold
 *    and structure come only from the renderer itself (field labels, table headers).
 *  - Inbound: Slack sends text with those entities and with <@U…>, <#C…|name>, <https://…|label> tokens;
 *    we turn them back into plain text for the bot.
 */

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** mrkdwn formatting characters → look-alikes that render as themselves. */
const FORMATTING: Record<string, string> = { '*': '＊', _: '＿', '~': '～', '`': '｀' };

/** Plain text (user-supplied or not) → Slack mrkdwn that shows exactly that text: no formatting, links or mentions. */
export function toMrkdwn(text: string): string {
  return escapeMrkdwn(text).replace(/[*_~`]/g, (c) => FORMATTING[c] ?? c);
}

export interface SlackInboundText {
  text: string;
  /** User ids mentioned (other than the bot itself). */
  mentions: string[];
}

/**
 * Slack message text → plain text: drop mentions of the bot, keep other mentions as @U…,
 * channel links as #name, links as their label (or the URL), special mentions as @here etc.
 */
export function fromSlackText(raw: string, botUserId?: string): SlackInboundText {
  const mentions: string[] = [];
  const text = raw.replace(/<([^<>]*)>/g, (_m, inner: string) => {
    const [target = '', label] = inner.split('|', 2) as [string, string | undefined];
    if (target.startsWith('@')) {
      const id = target.slice(1);
      if (botUserId && id === botUserId) return '';
      if (!mentions.includes(id)) mentions.push(id);
      return label ? `@${label}` : `@${id}`;
    }
    if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
    if (target.startsWith('!')) {
      const special = target.slice(1).split('^')[0] ?? '';
      return label ?? `@${special}`;
    }
    return label ?? target.replace(/^mailto:/, '');
  });
  return {
    text: unescapeMrkdwn(text)
      .replace(/[ \t]{2,}/g, ' ')
      .trim(),
    mentions,
  };
}

/** Strip a leading mention when the bot's own user id is not known (e.g. auth.test skipped). */
export function stripLeadingMention(raw: string): string {
  return raw.replace(/^\s*<@[A-Z0-9]+(\|[^>]*)?>\s*/, '');
}
