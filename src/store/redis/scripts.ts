/**
 * Lua scripts (run with EVALSHA, falling back to EVAL on NOSCRIPT). Each is atomic on the server.
 * Ledger scripts only touch keys under "P:{ledger}:" (one cluster slot); see keys.ts.
 *
 * Rule for the commit script: validate EVERYTHING before the first write. Redis does not roll back a
 * script that fails half-way, so nothing after validation may raise (all inputs are pre-computed in JS).
 */
import { createHash } from 'node:crypto';

export interface LuaScript {
  name: string;
  source: string;
  sha: string;
}

function script(name: string, source: string): LuaScript {
  return { name, source, sha: createHash('sha1').update(source).digest('hex') };
}

/**
 * KEYS[1] commit record (P:{ledger}:msg:<id>), KEYS[2] seq:issue, KEYS[3] seq:visit, KEYS[4] events stream
 * ARGV[1] ledger key base "P:{ledger}:", ARGV[2] payload JSON (see redis/commit-payload.ts), ARGV[3] dedup ttl ms
 * Returns {1, record} for a duplicate, {0, record} for a fresh commit, {2, {"m": messageId, "r": record}} when the
 * same report (payload rk) was recorded by another message within its window; error "ZCT_CONFLICT <json>" on conflict.
 * The record carries the caller's nonce `n`, so a caller that lost the reply can tell its own commit from an older one.
 */
export const COMMIT = script(
  'commit',
  `
local base = ARGV[1]
local prior = redis.call('GET', KEYS[1])
if prior then return {1, prior} end
local c = cjson.decode(ARGV[2])
local at = c.at

-- 0. the same report from the same person moments ago, under another message id: record nothing, say which
if c.rk and c.ra ~= '1' then
  local recent = redis.call('GET', base .. 'recent:' .. c.rk)
  if recent then
    local d = cjson.decode(recent)
    if d.m ~= c.messageId then return {2, recent} end
  end
end

-- 1. validate (no writes before this block is done)
local sim = {}
for _, p in ipairs(c.patches) do
  local st = sim[p.id]
  if not st then
    local cur = redis.call('HMGET', base .. 'issue:' .. p.id, 'status', 'withdrawnAt')
    if (not cur[1]) or cur[2] then
      return redis.error_reply('ZCT_CONFLICT ' .. cjson.encode({issueId = p.id, reason = 'missing'}))
    end
    st = cur[1]
  end
  if p.expect and p.expect ~= st then
    return redis.error_reply('ZCT_CONFLICT ' .. cjson.encode({issueId = p.id, reason = 'status', expected = p.expect, actual = st}))
  end
  if p.status then sim[p.id] = p.status else sim[p.id] = st end
end

-- 2. stream id: ms = max(commit time, last entry's ms) so ids stay increasing
local idMs = tonumber(at)
local last = redis.call('XREVRANGE', KEYS[4], '+', '-', 'COUNT', 1)
if last[1] then
  local lastMs = tonumber(string.match(last[1][1], '^(%d+)-'))
  if lastMs and lastMs > idMs then idMs = lastMs end
end
local sid = string.format('%.0f', idMs) .. '-*'

local function emit(ev, issueId)
  ev.at = at
  ev.actor = c.actor
  ev.actorName = c.actorName
  ev.messageId = c.messageId
  local json = cjson.encode(ev)
  redis.call('XADD', KEYS[4], sid, 'e', json)
  if issueId then redis.call('RPUSH', base .. 'hist:' .. issueId, json) end
end

local function syncDue(key, id)
  local cur = redis.call('HMGET', key, 'status', 'dueScore')
  if cur[2] and cur[1] ~= 'resolved' and cur[1] ~= 'closed' then
    redis.call('ZADD', base .. 'idx:due', cur[2], id)
  else
    redis.call('ZREM', base .. 'idx:due', id)
  end
end

-- 3. visits
local visitIds = {}
for _, v in ipairs(c.visits) do
  local id = string.format('V-%04d', redis.call('INCR', KEYS[3]))
  redis.call('HSET', base .. 'visit:' .. id, 'id', id, unpack(v.f))
  redis.call('ZADD', base .. 'vidx:all', v.score, id)
  redis.call('ZADD', base .. 'vidx:team:' .. v.teamId, v.score, id)
  visitIds[#visitIds + 1] = id
  emit({type = 'visit.recorded', teamId = v.teamId, visitId = id})
end

-- 4. new issues
local issueIds = {}
for _, q in ipairs(c.issues) do
  local id = string.format('Q-%04d', redis.call('INCR', KEYS[2]))
  local key = base .. 'issue:' .. id
  redis.call('HSET', key, 'id', id, unpack(q.f))
  redis.call('ZADD', base .. 'idx:all', at, id)
  redis.call('ZADD', base .. 'idx:team:' .. q.teamId, at, id)
  redis.call('ZADD', base .. 'idx:status:' .. q.status, at, id)
  syncDue(key, id)
  issueIds[#issueIds + 1] = id
  emit({type = 'issue.created', teamId = q.teamId, issueId = id, to = q.status}, id)
end

-- 5. patches (same timestamp rule as statusTimestamps() in codec.ts)
local patchedIds = {}
for _, p in ipairs(c.patches) do
  local key = base .. 'issue:' .. p.id
  local cur = redis.call('HMGET', key, 'status', 'teamId', 'createdAt', 'resolvedAt', 'closedAt')
  local from = cur[1]
  local ev = {type = 'issue.updated', teamId = cur[2], issueId = p.id}
  if #p.set > 0 then redis.call('HSET', key, unpack(p.set)) end
  if #p.del > 0 then redis.call('HDEL', key, unpack(p.del)) end
  redis.call('HSET', key, 'updatedAt', at)
  if p.status then
    local to = p.status
    if to == 'resolved' then
      if from ~= 'resolved' or not cur[4] then redis.call('HSET', key, 'resolvedAt', at) end
      redis.call('HDEL', key, 'closedAt')
    elseif to == 'closed' then
      if not cur[4] then redis.call('HSET', key, 'resolvedAt', at) end
      if from ~= 'closed' or not cur[5] then redis.call('HSET', key, 'closedAt', at) end
    else
      redis.call('HDEL', key, 'resolvedAt', 'closedAt')
    end
    redis.call('HSET', key, 'status', to)
    if from ~= to then
      redis.call('ZREM', base .. 'idx:status:' .. from, p.id)
      redis.call('ZADD', base .. 'idx:status:' .. to, cur[3], p.id)
    end
    ev.from = from
    ev.to = to
  end
  syncDue(key, p.id)
  if p.dept then ev.department = p.dept elseif p.deptNull then ev.department = cjson.null end
  if p.note then ev.note = p.note end
  if p.ev then for k, v in pairs(p.ev) do ev[k] = v end end
  patchedIds[#patchedIds + 1] = p.id
  emit(ev, p.id)
end

-- 6. withdrawals (unknown or already withdrawn ids are skipped)
for _, id in ipairs(c.withdrawIssues) do
  local key = base .. 'issue:' .. id
  local cur = redis.call('HMGET', key, 'status', 'teamId', 'withdrawnAt')
  if cur[1] and not cur[3] then
    redis.call('HSET', key, 'withdrawnAt', at)
    redis.call('ZREM', base .. 'idx:all', id)
    redis.call('ZREM', base .. 'idx:team:' .. cur[2], id)
    redis.call('ZREM', base .. 'idx:status:' .. cur[1], id)
    redis.call('ZREM', base .. 'idx:due', id)
    local ev = {type = 'issue.withdrawn', teamId = cur[2], issueId = id}
    if c.wev then for k, v in pairs(c.wev) do ev[k] = v end end
    emit(ev, id)
  end
end
for _, id in ipairs(c.restoreIssues or {}) do
  local key = base .. 'issue:' .. id
  local cur = redis.call('HMGET', key, 'status', 'teamId', 'withdrawnAt', 'createdAt')
  if cur[1] and cur[3] then
    redis.call('HDEL', key, 'withdrawnAt')
    redis.call('HSET', key, 'updatedAt', at)
    redis.call('ZADD', base .. 'idx:all', cur[4], id)
    redis.call('ZADD', base .. 'idx:team:' .. cur[2], cur[4], id)
    redis.call('ZADD', base .. 'idx:status:' .. cur[1], cur[4], id)
    syncDue(key, id)
    emit({type = 'issue.restored', teamId = cur[2], issueId = id}, id)
  end
end
for _, vp in ipairs(c.visitPatches or {}) do
  local key = base .. 'visit:' .. vp.id
  local cur = redis.call('HMGET', key, 'teamId', 'withdrawnAt')
  if cur[1] and not cur[2] then
    redis.call('HSET', key, 'enterprise', vp.e)
    local ev = {type = 'visit.updated', teamId = cur[1], visitId = vp.id}
    if vp.ev then for k, v in pairs(vp.ev) do ev[k] = v end end
    emit(ev)
  end
end
for _, id in ipairs(c.withdrawVisits) do
  local key = base .. 'visit:' .. id
  local cur = redis.call('HMGET', key, 'teamId', 'withdrawnAt')
  if cur[1] and not cur[2] then
    redis.call('HSET', key, 'withdrawnAt', at)
    redis.call('ZREM', base .. 'vidx:all', id)
    redis.call('ZREM', base .. 'vidx:team:' .. cur[1], id)
    emit({type = 'visit.withdrawn', teamId = cur[1], visitId = id})
  end
end

-- 7. result record (ids are generated or validated, so plain concatenation is safe JSON)
local function arr(t)
  if #t == 0 then return '[]' end
  return '["' .. table.concat(t, '","') .. '"]'
end
local rec = '{"visitIds":' .. arr(visitIds) .. ',"issueIds":' .. arr(issueIds) .. ',"patchedIds":' .. arr(patchedIds) .. ',"n":' .. cjson.encode(c.n or '') .. '}'
redis.call('SET', KEYS[1], rec, 'PX', ARGV[3])
if c.rk then
  redis.call('SET', base .. 'recent:' .. c.rk, '{"m":' .. cjson.encode(c.messageId) .. ',"r":' .. rec .. '}', 'PX', c.rw)
end
return {0, rec}
`,
);

/**
 * Fetch hashes through the narrowest of several sorted-set "groups" (a group is a union of indexes over one score range).
 * KEYS: every index key used; ARGV[1] item key base (e.g. "P:{ledger}:issue:"), ARGV[2] JSON [{k:[keyIdx…], min, max}].
 * Returns a list of HGETALL replies.
 */
export const LIST = script(
  'list',
  `
local groups = cjson.decode(ARGV[2])
local best, bestN = nil, nil
for _, g in ipairs(groups) do
  local n = 0
  for _, ki in ipairs(g.k) do n = n + redis.call('ZCOUNT', KEYS[ki], g.min, g.max) end
  if bestN == nil or n < bestN then best, bestN = g, n end
end
local out = {}
if best then
  for _, ki in ipairs(best.k) do
    for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[ki], best.min, best.max)) do
      out[#out + 1] = redis.call('HGETALL', ARGV[1] .. id)
    end
  end
end
return out
`,
);

/** KEYS[1] claim key; ARGV[1] owner token, ARGV[2] lease ms. Returns "N" (new), "I" (in flight) or "D:<reply>". */
export const CLAIM_MESSAGE = script(
  'claimMessage',
  `
local v = redis.call('GET', KEYS[1])
if v then
  if string.sub(v, 1, 2) == 'D:' then return v end
  return 'I'
end
redis.call('SET', KEYS[1], 'L:' .. ARGV[1], 'PX', ARGV[2])
return 'N'
`,
);

/** KEYS[1] claim key; ARGV[1] owner token ("" = any lease). Deletes a lease only, never a done record. */
export const RELEASE_MESSAGE = script(
  'releaseMessage',
  `
local v = redis.call('GET', KEYS[1])
if v and string.sub(v, 1, 2) == 'L:' and (ARGV[1] == '' or v == 'L:' .. ARGV[1]) then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
`,
);

/** KEYS[1] counter; ARGV[1] window ms. Fixed window from the first hit. Returns the count. */
export const RATE_LIMIT = script(
  'rateLimit',
  `
local n = redis.call('INCR', KEYS[1])
if n == 1 or redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n
`,
);

/** KEYS[1] job key; ARGV[1] owner, ARGV[2] lease ms. Returns 1 when the lease is (re)taken by owner. */
export const CLAIM_JOB = script(
  'claimJob',
  `
local v = redis.call('GET', KEYS[1])
if v == 'D' then return 0 end
if v and v ~= 'L:' .. ARGV[1] then return 0 end
redis.call('SET', KEYS[1], 'L:' .. ARGV[1], 'PX', ARGV[2])
return 1
`,
);
