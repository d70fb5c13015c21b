/**
 * `zct backup` / `zct restore`: the ledger as one JSONL stream (gzip when the file name ends in .gz).
 *
 * Lines, in order:
 *   {"type":"header","format":"zct-backup","version":1,"prefix":…,"createdAt":…}
 *   {"type":"team","team":{…}}                                   every team
 *   {"type":"issue","hash":{…},"history":[…]}                    every issue, live or withdrawn, raw hash fields
 *   {"type":"visit","hash":{…}}                                  every visit, live or withdrawn
 *   {"type":"event","id":"<stream id>","e":{…}}                  the audit stream, oldest first, with its entry ids
 *   {"type":"feedback","feedback":{…}}                           the 👍/👎 votes
 *   {"type":"end","seq":{"issue":N,"visit":M},"counts":{…}}
 *
 * Consistency: each team's issues, their histories and its visits are read by ONE Lua script (an atomic snapshot
 * of that team); withdrawn items (in no index) are read afterwards by id; the audit stream up to the moment it is
 * read. Sessions, dedup records and leases are not backed up (they expire anyway).
 *
 * Restore writes into an EMPTY prefix (refused otherwise) and rebuilds every index from the hashes, so the result
 * answers `zct issues --json`, digests and `zct audit` exactly like the source.
 */
import type { Team } from '../../ledger/model.js';
import type { Feedback } from '../types.js';
import { dateScore } from '../codec.js';
import type { RedisStore } from './store.js';
import { toRecord } from './records.js';
import type { LuaScript } from './scripts.js';
import { createHash } from 'node:crypto';

function script(name: string, source: string): LuaScript {
  return { name, source, sha: createHash('sha1').update(source).digest('hex') };
}

/**
 * KEYS[1] idx:team:<id>, KEYS[2] vidx:team:<id>; ARGV[1] ledger base. One team's issues (with history) and visits,
 * atomically: {{issueHash, historyList}…}, {visitHash…}.
 */
const TEAM_SNAPSHOT = script(
  'teamSnapshot',
  `
local base = ARGV[1]
local issues = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  issues[#issues + 1] = {redis.call('HGETALL', base .. 'issue:' .. id), redis.call('LRANGE', base .. 'hist:' .. id, 0, -1)}
end
local visits = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  visits[#visits + 1] = redis.call('HGETALL', base .. 'visit:' .. id)
end
return {issues, visits}
`,
);

export type BackupLine =
  | { type: 'header'; format: 'zct-backup'; version: 1; prefix: string; createdAt: number }
  | { type: 'team'; team: Team }
  | { type: 'issue'; hash: Record<string, string>; history: unknown[] }
  | { type: 'visit'; hash: Record<string, string> }
  | { type: 'event'; id: string; e: unknown }
  | { type: 'feedback'; feedback: Feedback }
  | { type: 'end'; seq: { issue: number; visit: number }; counts: Record<string, number> };

const idNum = (id: string) => Number(/-(\d+)$/.exec(id)?.[1] ?? 0);
const formatId = (p: 'Q' | 'V', n: number) => `${p}-${String(n).padStart(4, '0')}`;

/** The backup as a stream of lines (objects); the CLI serialises them. Never holds the whole ledger in memory. */
export async function* backupLines(store: RedisStore, now = Date.now()): AsyncGenerator<BackupLine> {
  const { conn, keys: k } = store;
  const counts: Record<string, number> = { teams: 0, issues: 0, visits: 0, events: 0, feedback: 0 };
  yield { type: 'header', format: 'zct-backup', version: 1, prefix: k.prefix, createdAt: now };

  const teams = await store.listTeams();
  for (const team of teams) {
    counts.teams!++;
    yield { type: 'team', team };
  }

  const seen = { issue: new Set<string>(), visit: new Set<string>() };
  for (const team of teams) {
    const [issues, visits] = await conn.eval<[[unknown, string[]][], unknown[]]>(
      TEAM_SNAPSHOT,
      [k.idxTeam(team.id), k.vidxTeam(team.id)],
      [k.ledger],
    );
    for (const [h, history] of issues) {
      const hash = toRecord(h);
      if (!hash.id) continue;
      seen.issue.add(hash.id);
      counts.issues!++;
      yield { type: 'issue', hash, history: history.map((j) => JSON.parse(j) as unknown) };
    }
    for (const v of visits) {
      const hash = toRecord(v);
      if (!hash.id) continue;
      seen.visit.add(hash.id);
      counts.visits!++;
      yield { type: 'visit', hash };
    }
  }

  // Everything not in a team index: withdrawn items, and items of teams no longer registered. By id, up to the counters.
  const seqIssue = Number((await conn.cmd<string | null>(k.seqIssue, ['GET', k.seqIssue])) ?? 0);
  const seqVisit = Number((await conn.cmd<string | null>(k.seqVisit, ['GET', k.seqVisit])) ?? 0);
  for (let n = 1; n <= seqIssue; n++) {
    const id = formatId('Q', n);
    if (seen.issue.has(id)) continue;
    const hash = toRecord(await conn.cmd(k.issue(id), ['HGETALL', k.issue(id)]));
    if (!hash.id) continue;
    const history = await conn.cmd<string[]>(k.history(id), ['LRANGE', k.history(id), 0, -1]);
    counts.issues!++;
    yield { type: 'issue', hash, history: history.map((j) => JSON.parse(j) as unknown) };
  }
  for (let n = 1; n <= seqVisit; n++) {
    const id = formatId('V', n);
    if (seen.visit.has(id)) continue;
    const hash = toRecord(await conn.cmd(k.visit(id), ['HGETALL', k.visit(id)]));
    if (!hash.id) continue;
    counts.visits!++;
    yield { type: 'visit', hash };
  }

  let start = '-';
  for (;;) {
    const page = await conn.cmd<[string, string[]][]>(k.events, ['XRANGE', k.events, start, '+', 'COUNT', 1000]);
    for (const [id, fields] of page) {
      const i = fields.indexOf('e');
      if (i < 0 || fields[i + 1] === undefined) continue;
      counts.events!++;
      yield { type: 'event', id, e: JSON.parse(fields[i + 1]!) as unknown };
    }
    if (page.length < 1000) break;
    start = `(${page[page.length - 1]![0]}`;
  }

  for (const feedback of await store.listFeedback()) {
    counts.feedback!++;
    yield { type: 'feedback', feedback };
  }
  yield {
    type: 'end',
    seq: {
      issue: Math.max(seqIssue, ...[...seen.issue].map(idNum)),
      visit: Math.max(seqVisit, ...[...seen.visit].map(idNum)),
    },
    counts,
  };
}

export class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreError';
  }
}

/** True when nothing of a deployment lives under this store's prefix (no teams, no ids handed out, no audit log). */
export async function isEmptyPrefix(store: RedisStore): Promise<boolean> {
  const { conn, keys: k } = store;
  const n = await Promise.all(
    [k.teams, k.seqIssue, k.seqVisit, k.events, k.feedback].map((key) => conn.cmd<number>(key, ['EXISTS', key])),
  );
  return n.every((x) => Number(x) === 0);
}

const DONE = new Set(['resolved', 'closed']);

/**
 * Write a backup into an empty prefix. Lines may come from any source (a file, a generator); the header must come
 * first and the end line last. Returns the counts restored.
 */
export async function restoreLines(
  store: RedisStore,
  lines: AsyncIterable<BackupLine>,
): Promise<Record<string, number>> {
  const { conn, keys: k } = store;
  if (!(await isEmptyPrefix(store)))
    throw new RestoreError(`前缀 ${k.prefix} 下已有数据：只能恢复到空的前缀（换一个 ZCT_REDIS_PREFIX，或先清空）。`);
  const counts: Record<string, number> = { teams: 0, issues: 0, visits: 0, events: 0, feedback: 0 };
  let header = false;
  let end: Extract<BackupLine, { type: 'end' }> | null = null;
  let pending: Promise<unknown>[] = [];
  // Commands are issued concurrently (node-redis pipelines them) and awaited in batches.
  const send = async (key: string, args: (string | number)[]) => {
    pending.push(conn.cmd(key, args));
    if (pending.length >= 256) await flush();
  };
  const flush = async () => {
    const batch = pending;
    pending = [];
    await Promise.all(batch);
  };

  for await (const line of lines) {
    if (!header) {
      if (line.type !== 'header' || line.format !== 'zct-backup')
        throw new RestoreError('不是 zct backup 生成的备份文件（缺少文件头）。');
      if (line.version !== 1) throw new RestoreError(`不支持的备份版本 ${String(line.version)}。`);
      header = true;
      continue;
    }
    switch (line.type) {
      case 'team':
        counts.teams!++;
        await send(k.teams, ['HSET', k.teams, line.team.id, JSON.stringify(line.team)]);
        break;
      case 'issue': {
        const h = line.hash;
        const id = h.id!;
        counts.issues!++;
        await send(k.issue(id), ['HSET', k.issue(id), ...Object.entries(h).flat()]);
        if (line.history.length)
          await send(k.history(id), ['RPUSH', k.history(id), ...line.history.map((e) => JSON.stringify(e))]);
        if (h.withdrawnAt === undefined) {
          const created = h.createdAt ?? '0';
          await send(k.idxAll, ['ZADD', k.idxAll, created, id]);
          await send(k.idxTeam(h.teamId ?? ''), ['ZADD', k.idxTeam(h.teamId ?? ''), created, id]);
          await send(k.idxStatus((h.status ?? 'open') as never), [
            'ZADD',
            k.idxStatus((h.status ?? 'open') as never),
            created,
            id,
          ]);
          if (h.dueScore !== undefined && !DONE.has(h.status ?? ''))
            await send(k.idxDue, ['ZADD', k.idxDue, h.dueScore, id]);
        }
        break;
      }
      case 'visit': {
        const h = line.hash;
        const id = h.id!;
        counts.visits!++;
        await send(k.visit(id), ['HSET', k.visit(id), ...Object.entries(h).flat()]);
        if (h.withdrawnAt === undefined) {
          const score = String(dateScore(h.date) ?? 0);
          await send(k.vidxAll, ['ZADD', k.vidxAll, score, id]);
          await send(k.vidxTeam(h.teamId ?? ''), ['ZADD', k.vidxTeam(h.teamId ?? ''), score, id]);
        }
        break;
      }
      case 'event':
        counts.events!++;
        // In order: stream ids must increase, so events are not pipelined ahead of each other's acknowledgement.
        await send(k.events, ['XADD', k.events, line.id, 'e', JSON.stringify(line.e)]);
        break;
      case 'feedback':
        counts.feedback!++;
        await send(k.feedback, ['HSET', k.feedback, line.feedback.id, JSON.stringify(line.feedback)]);
        break;
      case 'end':
        end = line;
        break;
      case 'header':
        throw new RestoreError('备份文件中出现了第二个文件头。');
    }
  }
  await flush();
  if (!header) throw new RestoreError('备份文件是空的。');
  if (!end)
    throw new RestoreError('备份文件不完整（没有结束行）：可能在写入时中断了。已写入的数据请用新的前缀重新恢复。');
  for (const [name, n] of Object.entries(end.counts)) {
    if (counts[name] !== n)
      throw new RestoreError(`备份文件的 ${name} 数目不符（文件记录 ${n}，实际 ${counts[name] ?? 0}）。`);
  }
  await conn.cmd(k.seqIssue, ['SET', k.seqIssue, end.seq.issue]);
  await conn.cmd(k.seqVisit, ['SET', k.seqVisit, end.seq.visit]);
  return counts;
}
