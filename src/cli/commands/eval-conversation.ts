/**
 * `zct eval-updates --conversation <file>` — a ledger-level check: replay a scripted stretch of one team's
 * messages through the real bot (memory store, the real corpus, the product router and handlers), answer every
 * confirmation card with "对" (and 记录还是提问 with "记录"), then compare the final 问题清单 issue by issue with
 * the expected one: enterprise, category, department, status; issues nobody expected count as spurious.
 *
 * File: {"team", "enterprises": [...], "messages": [{"today", "user", "text"}], "expected": [{"enterprise",
 * "category", "department", "status", "summary"}]}; the user "admin" is an admin.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { createBot } from '../../app/create-bot.js';
import { createServices } from '../../app/create-services.js';
import { loadConfig } from '../../config/index.js';
import { normalizeDepartment } from '../../ledger/lexicon/index.js';
import { CATEGORIES, STATUSES, type Issue } from '../../ledger/model.js';
import { overlap } from '../../ledger/service/targets.js';
import { incomingMessageSchema } from '../../messaging/incoming.js';
import { renderText } from '../../messaging/render-text.js';
import type { Reply } from '../../messaging/reply.js';
import { createLogger } from '../../observability/logger.js';
import { MemoryStore } from '../../store/memory.js';
import type { Retriever } from '../../retrieval/types.js';
import { zonedTime } from './eval-conversation-time.js';

const conversationSchema = z.object({
  team: z.string().min(1),
  enterprises: z.array(z.string()),
  messages: z.array(z.object({ today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), user: z.string(), text: z.string() })),
  expected: z.array(
    z.object({
      enterprise: z.string(),
      category: z.enum(CATEGORIES),
      department: z.string().nullable(),
      status: z.enum(STATUSES),
      summary: z.string().default(''),
    }),
  ),
});
export type Conversation = z.infer<typeof conversationSchema>;
type Expected = Conversation['expected'][number];

export const ADMIN_USER = 'admin';
const FIELDS = ['enterprise', 'category', 'department', 'status'] as const;
type Field = (typeof FIELDS)[number];

export interface IssueMatch {
  expected: Expected;
  got: Pick<Issue, 'id' | Field | 'summary'> | null;
  wrong: Field[];
}

export interface ConversationReport {
  file: string;
  messages: number;
  expected: number;
  /** Expected issues found in the final ledger. */
  present: number;
  /** …with every compared field right. */
  right: number;
  /** right / expected */
  rightRate: number;
  /** Issues in the final ledger that match no expected issue. */
  spurious: Array<Pick<Issue, 'id' | Field | 'summary'>>;
  /** How often the bot asked before recording: confirmation cards, 记录还是提问, other questions (left unanswered). */
  asked: { confirm: number; clarify: number; other: number };
  matches: IssueMatch[];
  transcript?: Array<{ user: string; text: string; reply: string }>;
}

const dept = (d: string | null) => (d ? normalizeDepartment(d) : null);

/** Pair each expected issue with the closest issue of the same enterprise (category first, then summary). */
export function matchIssues(expected: Expected[], got: Issue[]): { matches: IssueMatch[]; spurious: Issue[] } {
  const free = [...got];
  const matches: IssueMatch[] = [];
  for (const e of expected) {
    let best: { issue: Issue; score: number } | null = null;
    for (const g of free) {
      if (g.enterprise !== e.enterprise) continue;
      const words = overlap(e.summary.replace(/（Q-\d+）|\(Q-\d+\)/g, ''), g.summary);
      const score = (g.category === e.category ? 10 : 0) + words;
      if (g.category !== e.category && words < 2) continue;
      if (!best || score > best.score) best = { issue: g, score };
    }
    if (!best) {
      matches.push({ expected: e, got: null, wrong: [...FIELDS] });
      continue;
    }
    free.splice(free.indexOf(best.issue), 1);
    const g = best.issue;
    const wrong = FIELDS.filter((f) =>
      f === 'department' ? dept(g.department) !== dept(e.department) : g[f] !== e[f],
    );
    matches.push({
      expected: e,
      got: {
        id: g.id,
        enterprise: g.enterprise,
        category: g.category,
        department: g.department,
        status: g.status,
        summary: g.summary,
      },
      wrong,
    });
  }
  return { matches, spurious: free };
}

function kindOfQuestion(r: Reply): 'confirm' | 'clarify' | 'other' | null {
  if (r.intent !== 'clarify') return null;
  const t = renderText(r);
  if (/回复“对”|回复“确认”/.test(t)) return 'confirm';
  if (/还是一个政策问题/.test(t)) return 'clarify';
  return 'other';
}

export async function runConversationEval(
  file: string,
  opts: { transcript?: boolean; retriever?: Retriever } = {},
): Promise<ConversationReport> {
  const conv = conversationSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const config = loadConfig();
  const logger = createLogger('error');
  let now = zonedTime(conv.messages[0]?.today ?? '2026-01-01', config.ZCT_TIMEZONE);
  const store = new MemoryStore({ clock: () => now });
  const services = await createServices(config, logger, {
    store,
    llm: null,
    clock: () => new Date(now),
    ...(opts.retriever ? { retriever: opts.retriever } : {}),
  });
  const conversationId = `eval-${conv.team}`;
  const teamId = `console:${conversationId}`;
  await store.upsertTeam({
    id: teamId,
    platform: 'console',
    conversationId,
    name: conv.team,
    enterprises: conv.enterprises,
    isAdminGroup: false,
    createdAt: now,
  });
  const bot = createBot(services);

  const asked = { confirm: 0, clarify: 0, other: 0 };
  const transcript: NonNullable<ConversationReport['transcript']> = [];
  let seq = 0;
  let day = '';
  const send = async (user: string, text: string): Promise<Reply | null> => {
    seq++;
    now += 60_000;
    const msg = incomingMessageSchema.parse({
      platform: 'console',
      messageId: `conv-${seq}`,
      dedupKey: `console:conv-${seq}`,
      conversationId,
      teamId,
      isGroup: true,
      userId: user,
      userName: user,
      isAdmin: user === ADMIN_USER,
      text,
      receivedAt: now,
    });
    const { reply } = await bot.handle(msg);
    if (opts.transcript) transcript.push({ user, text, reply: reply ? renderText(reply) : '' });
    return reply;
  };

  for (const m of conv.messages) {
    if (m.today !== day) {
      day = m.today;
      now = Math.max(now, zonedTime(m.today, config.ZCT_TIMEZONE));
    }
    let reply = await send(m.user, m.text);
    // Answer what the bot asks, as a user who means the message as a report would.
    for (let turns = 0; reply && turns < 3; turns++) {
      const kind = kindOfQuestion(reply);
      if (!kind) break;
      asked[kind]++;
      if (kind === 'other') break;
      reply = await send(m.user, kind === 'confirm' ? '对' : '记录');
    }
  }

  const issues = await store.listIssues({ teamId });
  const { matches, spurious } = matchIssues(conv.expected, issues);
  const present = matches.filter((m) => m.got).length;
  const right = matches.filter((m) => m.got && m.wrong.length === 0).length;
  await store.close();
  return {
    file,
    messages: conv.messages.length,
    expected: conv.expected.length,
    present,
    right,
    rightRate: conv.expected.length ? right / conv.expected.length : 1,
    spurious: spurious.map((g) => ({
      id: g.id,
      enterprise: g.enterprise,
      category: g.category,
      department: g.department,
      status: g.status,
      summary: g.summary,
    })),
    asked,
    matches,
    ...(opts.transcript ? { transcript } : {}),
  };
}

export function formatConversationReport(r: ConversationReport, verbose: boolean): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `对话评测：${r.file}（${r.messages} 条消息，预期 ${r.expected} 个问题）`,
    '',
    `问题在清单中      ${r.present}/${r.expected}`,
    `企业/类别/部门/状态全对  ${r.right}/${r.expected}（${pct(r.rightRate)}）`,
    `多出的问题        ${r.spurious.length}`,
    `追问次数          确认卡片 ${r.asked.confirm}，记录还是提问 ${r.asked.clarify}，其他 ${r.asked.other}`,
  ];
  if (verbose) {
    lines.push('', '逐个问题：');
    for (const m of r.matches) {
      const e = m.expected;
      const want = `${e.enterprise} ${e.category} ${e.department ?? '∅'} ${e.status}`;
      if (!m.got) lines.push(`✗ 缺少   ${want}｜${e.summary}`);
      else
        lines.push(
          `${m.wrong.length ? '✗' : '✓'} ${m.got.id} ${want}${m.wrong.length ? `  得到 ${m.got.enterprise} ${m.got.category} ${m.got.department ?? '∅'} ${m.got.status}` : ''}｜${e.summary}`,
        );
    }
    for (const s of r.spurious)
      lines.push(`+ 多出 ${s.id} ${s.enterprise} ${s.category} ${s.department ?? '∅'} ${s.status}｜${s.summary}`);
    if (r.transcript) {
      lines.push('', '对话：');
      for (const t of r.transcript) lines.push(`> ${t.user}: ${t.text}`, ...t.reply.split('\n').map((l) => `  ${l}`));
    }
  }
  return lines.join('\n');
}
