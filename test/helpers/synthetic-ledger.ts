/**
 * A synthetic ledger for the board benchmark (bench/web-board.ts) and the board's aggregate tests: issues raised over
 * the last 90 days, about 60 % handed to one of 40 departments with a due date 15 days on, a third of those resolved
 * or closed, and up to two visits per team per month, as the commits the bot would make, in time order. Seeded, so
 * every run builds the same ledger.
 */
import { prng } from '../../bench/args.js';
import { CATEGORIES, type IssueStatus, type Team } from '../../src/ledger/model.js';
import type { LedgerCommit, NewIssue } from '../../src/store/types.js';

const DAY = 86_400_000;

function ymd(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The synthetic ledger: `teams` teams, `issueCount` issues and their hand-offs, resolutions and visits. */
export function syntheticLedger(
  now: number,
  teamCount: number,
  issueCount: number,
): { teams: Team[]; commits: LedgerCommit[] } {
  const rnd = prng(42);
  const teams: Team[] = Array.from({ length: teamCount }, (_, t) => ({
    id: `dingtalk:cid${t}`,
    platform: 'dingtalk',
    conversationId: `cid${t}`,
    name: `第${t + 1}联企小组`,
    enterprises: [`企业${t}甲有限公司`, `企业${t}乙`],
    isAdminGroup: false,
    createdAt: now - 120 * DAY,
  }));
  type Planned = { at: number; make: (idOf: (msg: string) => string) => LedgerCommit };
  const planned: Planned[] = [];
  const perTeam = Math.ceil(issueCount / teamCount);
  let q = 0;
  let m = 0;
  for (let t = 0; t < teamCount; t++) {
    const team = teams[t]!;
    for (let k = 0; k < perTeam && q < issueCount; k++) {
      q += 1;
      const at = now - Math.floor(rnd() * 90 * DAY);
      const issue: NewIssue = {
        teamId: team.id,
        enterprise: team.enterprises[k % 2]!,
        category: CATEGORIES[Math.floor(rnd() * CATEGORIES.length)]!,
        summary: `企业反映的第${k + 1}个问题：流动资金紧张，希望协调银行续贷`,
        department: null,
        status: 'open',
        dueDate: null,
        reporter: `u${t}`,
        reporterName: '张三',
        raisedOn: ymd(at),
      };
      const msg = `m${++m}`;
      planned.push({
        at,
        make: () => ({
          messageId: msg,
          teamId: team.id,
          at,
          actor: `u${t}`,
          actorName: '张三',
          visits: [],
          issues: [issue],
          patches: [],
        }),
      });
      if (rnd() < 0.6) {
        const at2 = Math.min(now - 1000, at + Math.floor(rnd() * 10 * DAY));
        const msg2 = `m${++m}`;
        const created = msg;
        const dept = `第${1 + Math.floor(rnd() * 40)}承办部门`;
        planned.push({
          at: at2,
          make: (idOf) => ({
            messageId: msg2,
            teamId: team.id,
            at: at2,
            actor: `u${t}`,
            actorName: '张三',
            visits: [],
            issues: [],
            patches: [{ issueId: idOf(created), status: 'assigned', department: dept, dueDate: ymd(at2 + 15 * DAY) }],
          }),
        });
        if (rnd() < 0.35) {
          const at3 = Math.min(now - 500, at2 + Math.floor(rnd() * 20 * DAY));
          const msg3 = `m${++m}`;
          const to: IssueStatus = rnd() < 0.5 ? 'resolved' : 'closed';
          planned.push({
            at: at3,
            make: (idOf) => ({
              messageId: msg3,
              teamId: team.id,
              at: at3,
              actor: `u${t}`,
              actorName: '张三',
              visits: [],
              issues: [],
              patches: [{ issueId: idOf(created), status: to }],
            }),
          });
        }
      }
    }
    for (let mo = 0; mo < 3; mo++) {
      for (let v = 0; v < 2; v++) {
        if (rnd() < 0.15) continue;
        const at = now - Math.floor((mo * 30 + rnd() * 30) * DAY);
        const msg = `m${++m}`;
        planned.push({
          at,
          make: () => ({
            messageId: msg,
            teamId: team.id,
            at,
            actor: `u${t}`,
            actorName: '张三',
            issues: [],
            patches: [],
            visits: [
              {
                teamId: team.id,
                enterprise: team.enterprises[v]!,
                date: ymd(at),
                participants: [],
                note: '走访',
                reporter: `u${t}`,
                reporterName: '张三',
              },
            ],
          }),
        });
      }
    }
  }
  // Commits in time order (the audit log is ordered); the store allocates issue ids in that order.
  planned.sort((a, b) => a.at - b.at);
  const allocated = new Map<string, string>();
  const idOf = (msg: string) => allocated.get(msg) ?? 'Q-0000';
  const commits: LedgerCommit[] = [];
  for (const p of planned) {
    const c = p.make(idOf);
    if (c.issues.length) allocated.set(c.messageId, `Q-${String(allocated.size + 1).padStart(4, '0')}`);
    commits.push(c);
  }
  return { teams, commits };
}
