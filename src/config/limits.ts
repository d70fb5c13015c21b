/**
 * Input bounds and name rules, each with the Chinese sentence the user gets when it applies. The numbers are
 * settings (ZCT_MAX_…, see schema.ts and .env.example); the flows call these functions and stay unaware of them.
 */
import type { Config } from './schema.js';

type Limits = Pick<
  Config,
  | 'ZCT_MAX_TEAM_NAME'
  | 'ZCT_MAX_ENTERPRISES_PER_TEAM'
  | 'ZCT_MAX_ENTERPRISES_PER_MESSAGE'
  | 'ZCT_MAX_ISSUES_PER_MESSAGE'
>;

/** Characters a team name may hold: CJK, letters, digits, a space and a few separators (no markup, no URL). */
const TEAM_NAME_CHARS = /^[\p{Script=Han}A-Za-z0-9 ·\-—（）()]+$/u;
/** An enterprise name: the same plus & and full-width/ASCII dots used in company names; no sentence punctuation. */
const ENTERPRISE_CHARS = /^[\p{Script=Han}A-Za-z0-9 ·\-—（）()&.．]+$/u;
export const MAX_ENTERPRISE_NAME = 40;

export const LIMIT_TEXTS = {
  teamName: (max: number) =>
    `小组名称只能使用中文、字母、数字和“·-（）”，不超过 ${max} 个字。本次没有修改，请换一个名称再发送。`,
  enterpriseName: (names: string[]) =>
    `这些企业名称无法登记：${names.slice(0, 5).join('、')}${names.length > 5 ? ` 等 ${names.length} 个` : ''}。企业名称只能使用中文、字母、数字和“·-（）&.”，不超过 ${MAX_ENTERPRISE_NAME} 个字。本次没有绑定。`,
  perMessage: (n: number, max: number) =>
    `一次最多绑定 ${max} 家企业，这条消息有 ${n} 家。请分几条发送。本次没有绑定。`,
  perTeam: (have: number, adding: number, max: number) =>
    `每个小组最多绑定 ${max} 家企业：本组已有 ${have} 家，这次新增 ${adding} 家就超过了。请先“解绑企业 …”不再联系的企业。本次没有绑定。`,
  manyIssues: (n: number, max: number) =>
    `这条消息里识别出 ${n} 个问题，超过单条 ${max} 个的上限。要全部登记吗？请回复“是”全部登记，或回复“否”不登记（也可以分几条发送）。`,
  tooManyIssues: (n: number, hardMax: number) =>
    `这条消息里识别出 ${n} 个问题，单条消息最多登记 ${hardMax} 个。请分几条发送，本次没有记录。`,
} as const;

/** A group title used as the team name: characters outside the whitelist dropped, length capped. */
export function teamNameFromTitle(title: string | null | undefined, max: number): string | null {
  if (!title) return null;
  const kept = [...title.normalize('NFKC')]
    .filter((c) => TEAM_NAME_CHARS.test(c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return kept ? [...kept].slice(0, max).join('') : null;
}

export function validTeamName(name: string, max: number): boolean {
  return [...name].length <= max && TEAM_NAME_CHARS.test(name);
}

export function validEnterpriseName(name: string): boolean {
  return [...name].length >= 2 && [...name].length <= MAX_ENTERPRISE_NAME && ENTERPRISE_CHARS.test(name);
}

/**
 * Check a 绑定企业 request. `existing`: the team's bound enterprises now. Returns the refusal sentence, or null when
 * the request may go ahead.
 */
export function bindRefusal(
  config: Limits,
  req: { name: string | null; enterprises: string[]; existing: string[] },
): string | null {
  if (req.name !== null && !validTeamName(req.name, config.ZCT_MAX_TEAM_NAME))
    return LIMIT_TEXTS.teamName(config.ZCT_MAX_TEAM_NAME);
  const unique = [...new Set(req.enterprises)];
  if (unique.length > config.ZCT_MAX_ENTERPRISES_PER_MESSAGE)
    return LIMIT_TEXTS.perMessage(unique.length, config.ZCT_MAX_ENTERPRISES_PER_MESSAGE);
  const bad = unique.filter((e) => !validEnterpriseName(e));
  if (bad.length) return LIMIT_TEXTS.enterpriseName(bad);
  const adding = unique.filter((e) => !req.existing.includes(e)).length;
  if (req.existing.length + adding > config.ZCT_MAX_ENTERPRISES_PER_TEAM)
    return LIMIT_TEXTS.perTeam(req.existing.length, adding, config.ZCT_MAX_ENTERPRISES_PER_TEAM);
  return null;
}

/** Issues one message may record without asking (max), and never beyond (hardMax = 5 × max). */
export function issueBounds(config: Limits): { max: number; hardMax: number } {
  return { max: config.ZCT_MAX_ISSUES_PER_MESSAGE, hardMax: config.ZCT_MAX_ISSUES_PER_MESSAGE * 5 };
}
