/**
 * What one commit recorded, as a small JSON document: the reply is rendered from it, and it is kept
 * (the "done marker") so a redelivered message gets the very same reply.
 */
import { z } from 'zod';
import type { Citation, Intent, Reply, ReplyBlock } from '../../messaging/reply.js';
import { CATEGORIES, STATUSES, STATUS_LABELS, type IssueStatus } from '../model.js';
import { TEXTS } from './texts.js';

const status = z.enum(STATUSES);

export const recordViewSchema = z.object({
  intent: z.enum(['report', 'issues']),
  visits: z.array(z.object({ id: z.string(), enterprise: z.string(), date: z.string() })),
  created: z.array(
    z.object({
      id: z.string(),
      enterprise: z.string(),
      category: z.enum(CATEGORIES),
      summary: z.string(),
      status,
      department: z.string().nullable(),
      dueDate: z.string().nullable(),
    }),
  ),
  updated: z.array(
    z.object({
      id: z.string(),
      enterprise: z.string(),
      category: z.enum(CATEGORIES),
      summary: z.string(),
      from: status,
      to: status,
      department: z.string().nullable(),
      /** The department it had, when this change handed it to another one. */
      departmentFrom: z.string().nullable().optional(),
      dueDate: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  withdrawn: z.array(z.object({ id: z.string(), label: z.string(), into: z.string().optional() })),
  notices: z.array(z.string()),
  gift: z.array(
    z.object({
      n: z.number(),
      docId: z.string(),
      title: z.string(),
      source: z.string().nullable(),
      date: z.string().nullable(),
      chunkId: z.string(),
      quote: z.string(),
    }),
  ),
});

export type RecordView = z.infer<typeof recordViewSchema>;

export function emptyView(intent: RecordView['intent']): RecordView {
  return { intent, visits: [], created: [], updated: [], withdrawn: [], notices: [], gift: [] };
}

function handling(status: IssueStatus, department: string | null, dueDate: string | null): string {
  const label = STATUS_LABELS[status];
  const dept = department && status !== 'open' ? (status === 'assigned' ? department : `（${department}）`) : '';
  const due = dueDate && (status === 'assigned' || status === 'in_progress') ? `，期限 ${dueDate}` : '';
  return `${label}${dept}${due}`;
}

export function issueLine(i: {
  id: string;
  category: string;
  summary: string;
  status: IssueStatus;
  department: string | null;
  dueDate: string | null;
}): string {
  return `${i.id} ${i.category}｜${i.summary}｜${handling(i.status, i.department, i.dueDate)}`;
}

export function renderRecord(view: RecordView, opts: { undoMinutes: number }): Reply {
  const blocks: ReplyBlock[] = [];
  const recorded = view.visits.length > 0 || view.created.length > 0;
  // One visit: every new issue is its. Several (a roll-up): each visit lists its own enterprise's issues, and issues of
  // an enterprise not visited come after under their own line.
  const perVisit = view.visits.length > 1;
  const listed = new Set<string>();
  for (const v of view.visits) {
    const own = perVisit ? view.created.filter((c) => c.enterprise === v.enterprise) : view.created;
    blocks.push({
      type: 'paragraph',
      text: `已记录走访 ${v.id}：${v.enterprise}，${v.date}${own.length ? `，企业反映 ${own.length} 个问题：` : '，未提新问题。'}`,
    });
    if (perVisit && own.length) blocks.push({ type: 'list', items: own.map(issueLine) });
    for (const c of own) listed.add(c.id);
  }
  const rest = view.created.filter((c) => !perVisit || !listed.has(c.id));
  if (rest.length) {
    if (!view.visits.length || perVisit) {
      const enterprises = [...new Set(rest.map((c) => c.enterprise))].join('、');
      blocks.push({ type: 'paragraph', text: `${perVisit ? '另' : ''}已记录${enterprises} ${rest.length} 个问题：` });
    }
    blocks.push({ type: 'list', items: rest.map(issueLine) });
  }
  if (view.updated.length) {
    blocks.push({ type: 'paragraph', text: recorded ? '同时更新：' : '已更新：' });
    blocks.push({
      type: 'list',
      items: view.updated.map((u) => {
        const change = u.from === u.to ? STATUS_LABELS[u.to] : `${STATUS_LABELS[u.from]} → ${STATUS_LABELS[u.to]}`;
        // (人社局 → 住建局: a change of hands is said, never made silently)
        const hands = u.departmentFrom ? `${u.departmentFrom} → ${u.department}` : u.department;
        const dept = u.department
          ? `（${hands}${u.dueDate && (u.to === 'assigned' || u.to === 'in_progress') ? `，期限 ${u.dueDate}` : ''}）`
          : '';
        return `${u.id} ${u.enterprise} ${u.category}｜${u.summary}｜${change}${dept}${u.note ? `｜${u.note}` : ''}`;
      }),
    });
  }
  const merged = view.withdrawn.filter((w) => w.into);
  const withdrawn = view.withdrawn.filter((w) => !w.into);
  if (merged.length) {
    blocks.push({ type: 'paragraph', text: '已合并（保留在审计记录中）：' });
    blocks.push({ type: 'list', items: merged.map((w) => `${w.id} ${w.label} → 并入 ${w.into}`) });
  }
  if (withdrawn.length) {
    blocks.push({ type: 'paragraph', text: '已撤销（保留在审计记录中）：' });
    blocks.push({ type: 'list', items: withdrawn.map((w) => `${w.id} ${w.label}`) });
  }
  for (const n of view.notices) blocks.push({ type: 'note', text: n });
  if (recorded) {
    const last = view.created.at(-1)?.id ?? null;
    blocks.push({ type: 'note', text: TEXTS.undoHint(opts.undoMinutes, last) });
  } else if (view.updated.length === 1) {
    blocks.push({ type: 'note', text: TEXTS.updateHint((view.updated[0] as { id: string }).id) });
  }
  if (view.gift.length) {
    blocks.push({ type: 'heading', text: '政策礼包' });
    blocks.push({ type: 'citations', items: view.gift as Citation[] });
  }
  const intent: Intent = view.intent;
  const title =
    withdrawn.length && !recorded && !view.updated.length
      ? '已撤销'
      : merged.length && !recorded
        ? '已合并'
        : recorded
          ? '已记录'
          : view.updated.length
            ? '已更新'
            : '台账';
  return { intent, title, blocks };
}
