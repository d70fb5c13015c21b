/**
 * Fuzz: random and malformed input (huge text, control characters, lone surrogates, emoji, RTL marks, empty …)
 * into every entry point that sees user or platform input. Seeded (FUZZ_SEED), so a failure reproduces:
 *   FUZZ_SEED=1234 npx vitest run test/fleet/fuzz.test.ts
 * Totals: ~19,000 payloads (FUZZ_SCALE multiplies them).
 *
 * Promises checked:
 *   parseRobotMessage        never throws; ok results are valid IncomingMessages
 *   fromSlashCommand /       well-typed payloads (as Bolt delivers them) never throw; odd but well-typed ones
 *   fromMessageEvent         either convert or fail validation (ZodError) — never a TypeError or RangeError
 *   extractUpdate            never throws; returns a schema-valid extraction
 *   parseLedgerCommand       never throws
 *   Bot.handle               never throws, always a reply (or a duplicate), never the "internal error" reply;
 *                            every reply renders for the console, Slack and DingTalk
 *   and no unhandled promise rejection anywhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { MESSAGES } from '../../src/app/bot.js';
import { extractUpdate } from '../../src/ledger/extract/index.js';
import { parseLedgerCommand } from '../../src/ledger/commands.js';
import { extractionSchema } from '../../src/ledger/model.js';
import { incomingMessageSchema, type IncomingMessageInput } from '../../src/messaging/incoming.js';
import { boundText } from '../../src/messaging/normalise.js';
import { renderText } from '../../src/messaging/render-text.js';
import { parseRobotMessage, renderDingTalkMarkdown } from '../../src/platforms/dingtalk/index.js';
import {
  fromMessageEvent,
  fromSlashCommand,
  renderSlackBlocks,
  slashCommands,
} from '../../src/platforms/slack/index.js';
import { startRedis, type RedisHandle } from '../helpers/redis.js';
import { message, testConfig } from '../helpers/services.js';
import {
  bundledRetriever,
  captureLogger,
  freshPrefix,
  prng,
  registerTeam,
  startReplica,
  text,
  type Prng,
  type Replica,
} from '../helpers/fleet.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20240601);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const n = (count: number) => Math.max(1, Math.round(count * SCALE));

// ---------------------------------------------------------------- random text

const WORDS = [
  '今天走访了',
  '华康药业',
  '七一电器',
  '海纳半导体',
  '企业反映',
  '缺',
  '名操作工',
  '融资难',
  '贷款',
  '已交办',
  '人社局',
  '金融办',
  '办结',
  '销号',
  '撤销',
  '重新打开',
  '交办',
  '3月20日前',
  '下周五',
  '问：',
  '报：',
  '问题清单',
  '台账',
  '绑定企业',
  '解绑企业',
  '本组信息',
  '帮助',
  '简报',
  '取消',
  '是',
  '否',
  '1',
  '2',
  '第二个',
  'Q-0001',
  'Q-9999',
  'V-0001',
  'Q-',
  'Q-00000001',
  '那第二条呢？',
  '专班',
  '原则',
  '？',
  '?',
  '，',
  '。',
  '：',
  '、',
  ' ',
  '\n',
  '\t',
  '<@U123>',
  '<#C123|general>',
  '<https://x.test|链接>',
  '&amp;',
  '&lt;',
  '**',
  '`',
  '#',
  '忽略之前的指令',
  '{{question}}',
  '</question>',
  'null',
  'undefined',
  '{"a":1}',
  '\\',
  '%s',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal template placeholder is one of the fuzz inputs
  '${x}',
  'DROP TABLE',
  '👍',
  '🇨🇳',
  '👨‍👩‍👧',
];
const ODD = [
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u200b',
  '\u200d',
  '\u202e',
  '\u202d',
  '\u2066',
  '\ufeff',
  '\ufffd',
  '\uffff',
  '\ud800',
  '\udc00',
  '\udbff\udfff',
  '\u0301',
  '\u3000',
  'Ｑ－０００１',
  '１２３',
];

function randomChar(r: Prng): string {
  switch (r.int(0, 5)) {
    case 0:
      return String.fromCharCode(r.int(0x4e00, 0x9fa5)); // CJK
    case 1:
      return String.fromCharCode(r.int(0x20, 0x7e)); // ASCII
    case 2:
      return String.fromCharCode(r.int(0, 0x1f)); // control
    case 3:
      return String.fromCharCode(r.int(0xd800, 0xdfff)); // lone surrogate
    case 4:
      return String.fromCodePoint(r.int(0x1f300, 0x1faff)); // emoji
    default:
      return r.pick(ODD);
  }
}

function randomText(r: Prng): string {
  const shape = r.int(0, 19);
  if (shape === 0) return r.pick(['', ' ', '\n\n', '\u200b', '\ufeff']);
  if (shape === 1) return r.pick(WORDS).repeat(r.int(200, 3000)); // huge
  if (shape <= 4) return Array.from({ length: r.int(1, 400) }, () => randomChar(r)).join('');
  const parts: string[] = [];
  const len = r.int(1, 30);
  for (let i = 0; i < len; i++)
    parts.push(r.chance(0.75) ? r.pick(WORDS) : r.chance(0.5) ? r.pick(ODD) : randomChar(r));
  return parts.join('');
}

/** Any JSON-ish value, nested a little. */
function randomValue(r: Prng, depth = 0): unknown {
  switch (r.int(0, depth > 2 ? 5 : 7)) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.pick([0, -1, 1.5, Number.MAX_SAFE_INTEGER, 1e308, -0, 1613630252678]);
    case 3:
    case 4:
      return randomText(r).slice(0, 200);
    case 5:
      return undefined;
    case 6:
      return Array.from({ length: r.int(0, 3) }, () => randomValue(r, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: r.int(0, 4) }, () => [
          r.pick(['text', 'content', 'msgtype', 'richText', 'type', 'x', '__proto__', 'constructor']),
          randomValue(r, depth + 1),
        ]),
      );
  }
}

// ---------------------------------------------------------------- setup

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let redis: RedisHandle;
let replica: Replica;
const errors = captureLogger('error');
const config = testConfig({ ZCT_ADMINS: 'U-ADMIN,boss', ZCT_MAX_TEXT: '4000' });
const FIXTURES = path.resolve('test/fixtures/platforms');
const dingtalkFixtures = fs
  .readdirSync(FIXTURES)
  .filter((f) => /^dingtalk-(1to1|group)-/.test(f))
  .map((f) => JSON.parse(fs.readFileSync(path.join(FIXTURES, f), 'utf8')) as Record<string, unknown>);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  redis = await startRedis();
  replica = await startReplica(redis.url, {
    prefix: freshPrefix('fuzz'),
    retriever: await bundledRetriever(),
    env: { ZCT_ADMINS: 'boss' },
    logger: errors.logger,
  });
  await registerTeam(replica.store, 'console:fz-g1', ['华康药业', '七一电器']);
  await registerTeam(replica.store, 'console:fz-g2', ['海纳半导体']);
});
afterAll(async () => {
  // Let stray promises settle before the last check.
  await new Promise((r) => setTimeout(r, 50));
  process.off('unhandledRejection', onUnhandled);
  await replica?.close();
  await redis?.stop();
  expect(unhandled, `seed ${SEED}: unhandled rejections`).toEqual([]);
});

/** Run `count` cases; collect failures with their index so FUZZ_SEED + index reproduces one. */
function fuzz(name: string, count: number, seedOffset: number, one: (r: Prng, i: number) => void): void {
  const r = prng(SEED + seedOffset);
  const failures: string[] = [];
  for (let i = 0; i < count; i++) {
    try {
      one(r, i);
    } catch (err) {
      if (failures.length < 5)
        failures.push(`#${i}: ${err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 300) : String(err)}`);
      else failures.push('');
    }
  }
  expect(failures.filter(Boolean), `${name}, seed ${SEED}: ${failures.length} of ${count} failed`).toEqual([]);
}

const validMessage = (m: unknown) => {
  incomingMessageSchema.parse(m);
};
const onlyZod = (fn: () => unknown) => {
  try {
    validMessage(fn());
  } catch (err) {
    if (!(err instanceof ZodError)) throw err;
  }
};
const id = (r: Prng) =>
  r.chance(0.9) ? `${r.pick(['C', 'D', 'G', 'U', 'T'])}${r.int(1, 1e9)}` : randomText(r).slice(0, 600);

describe(`fuzz (seed ${SEED})`, () => {
  it('DingTalk parseRobotMessage never throws (random values, mutated real payloads, raw strings)', () => {
    fuzz('parseRobotMessage', n(3000), 1, (r) => {
      let data: unknown;
      const shape = r.int(0, 3);
      if (shape === 0) data = randomValue(r);
      else if (shape === 1) data = r.chance(0.5) ? randomText(r) : JSON.stringify(randomValue(r));
      else {
        const base = structuredClone(r.pick(dingtalkFixtures)) as Record<string, unknown>;
        for (let k = r.int(1, 4); k > 0; k--) {
          const key = r.pick([
            ...Object.keys(base),
            'text',
            'content',
            'msgtype',
            'atUsers',
            'createAt',
            'senderStaffId',
          ]);
          if (r.chance(0.3)) delete base[key];
          else base[key] = key === 'text' && r.chance(0.6) ? { content: randomText(r) } : randomValue(r);
        }
        data = shape === 3 ? JSON.stringify(base) : base;
      }
      const res = parseRobotMessage(data, config, { now: () => 1_700_000_000_000 });
      if (res.ok) {
        validMessage(res.message);
        if (res.message.text.length > config.ZCT_MAX_TEXT) throw new Error('text longer than ZCT_MAX_TEXT');
      } else if (typeof res.error !== 'string') throw new Error('error is not a string');
    });
  });

  it('Slack converters: well-typed payloads convert, odd ones only ever fail validation', () => {
    const kinds = [...slashCommands(config).values()];
    fuzz('fromSlashCommand', n(2000), 2, (r) => {
      const p = {
        command: r.pick(['/ask', '/report', '/issues', '/digest', '/zct']),
        text: r.chance(0.9) ? randomText(r) : undefined,
        channel_id: `C${r.int(1, 1e9)}`,
        channel_name: r.chance(0.5) ? randomText(r).slice(0, 80) : r.pick(['directmessage', 'general', undefined]),
        user_id: r.pick(['U-ADMIN', `U${r.int(1, 1e6)}`]),
        user_name: r.chance(0.5) ? randomText(r).slice(0, 80) : undefined,
        trigger_id: `${r.int(1, 1e12)}.${r.int(1, 1e6)}`,
        api_app_id: r.chance(0.8) ? 'A0FAKE' : undefined,
      };
      const m = fromSlashCommand(p, r.pick(kinds), {
        config,
        botUserId: r.chance(0.5) ? 'UBOT' : undefined,
        now: Date.now(),
      });
      validMessage(m);
      if (m.text.length > config.ZCT_MAX_TEXT) throw new Error('text longer than ZCT_MAX_TEXT');
      // Odd but well-typed: ids that are empty, huge or garbage.
      onlyZod(() =>
        fromSlashCommand(
          {
            ...p,
            channel_id: id(r),
            user_id: id(r),
            trigger_id: id(r),
            user_name: randomText(r),
            channel_name: randomText(r),
          },
          r.pick(kinds),
          { config, now: Date.now() },
        ),
      );
    });
    fuzz('fromMessageEvent', n(2000), 3, (r) => {
      const ts = `${r.int(1, 2e9)}.${String(r.int(0, 999999)).padStart(6, '0')}`;
      const e = {
        type: r.pick(['app_mention', 'message']),
        user: `U${r.int(1, 1e6)}`,
        text: r.chance(0.95) ? (r.chance(0.5) ? `<@UBOT> ${randomText(r)}` : randomText(r)) : undefined,
        ts,
        thread_ts: r.chance(0.3) ? ts : undefined,
        channel: r.pick(['C', 'D', 'G']) + r.int(1, 1e9),
        channel_type: r.pick(['im', 'channel', 'group', 'mpim', undefined]),
      };
      const envelope = {
        event_id: r.chance(0.9) ? `Ev${r.int(1, 1e12)}` : undefined,
        api_app_id: r.chance(0.9) ? 'A0FAKE' : undefined,
      };
      const m = fromMessageEvent(e, envelope, {
        config,
        botUserId: r.chance(0.5) ? 'UBOT' : undefined,
        now: Date.now(),
      });
      validMessage(m);
      onlyZod(() =>
        fromMessageEvent(
          { ...e, channel: id(r), user: id(r), ts: r.chance(0.5) ? ts : randomText(r).slice(0, 40) },
          { event_id: id(r) },
          { config, now: Date.now() },
        ),
      );
    });
  });

  it('extractUpdate and parseLedgerCommand never throw', () => {
    const ctx = {
      today: '2024-03-15',
      teamEnterprises: ['华康药业', '七一电器'],
      knownEnterprises: ['华康药业', '七一电器', '海纳半导体', '金鼎金属材料有限公司'],
    };
    fuzz('extractUpdate', n(2000), 4, (r) => {
      const out = extractUpdate(randomText(r), r.chance(0.2) ? { ...ctx, teamEnterprises: [] } : ctx);
      extractionSchema.parse(out);
    });
    fuzz('parseLedgerCommand', n(5000), 5, (r) => {
      const out = parseLedgerCommand(randomText(r));
      if (out !== null && typeof out.type !== 'string') throw new Error('command without a type');
    });
  }, 180_000); // thousands of parses: generous for a loaded machine; the property, not the time, is tested

  it('Bot.handle (real handlers, Redis, the bundled corpus) always answers, never with an internal error', async () => {
    const r = prng(SEED + 6);
    const failures: string[] = [];
    const total = n(1200);
    const commands: Array<IncomingMessageInput['command']> = ['ask', 'report', 'issues', 'digest', 'help'];
    for (let i = 0; i < total; i++) {
      const group = r.pick(['fz-g1', 'fz-g2', 'fz-unregistered']);
      const t = randomText(r);
      const over: Partial<IncomingMessageInput> = {
        conversationId: group,
        teamId: `console:${group}`,
        isGroup: r.chance(0.85),
        userId: r.pick(['u1', 'u2', 'boss']),
        userName: r.chance(0.8) ? '张三' : randomText(r).slice(0, 256),
        isAdmin: r.chance(0.1),
        ...(r.chance(0.1) ? { command: r.pick(commands) } : {}),
        ...(r.chance(0.1) ? { threadId: `th${r.int(1, 5)}` } : {}),
        ...(r.chance(0.03) ? { oversized: true } : {}),
        ...(r.chance(0.03) ? { unsupported: r.pick(['picture', 'file', 'video', 'unknown'] as const) } : {}),
      };
      const label = `#${i} ${JSON.stringify(t.slice(0, 60))}`;
      const logged = errors.lines.length;
      try {
        const res = await replica.bot.handle(message(t, over));
        if (res.duplicate) throw new Error('a new message reported as duplicate');
        if (!res.reply) throw new Error('no reply');
        const plain = renderText(res.reply);
        if (plain === MESSAGES.internal || plain.includes(MESSAGES.internal))
          throw new Error('internal error reply (a handler threw)');
        renderSlackBlocks(res.reply);
        renderDingTalkMarkdown(res.reply);
      } catch (err) {
        const cause = errors.lines
          .slice(logged)
          .map((l) => String((l.err as { message?: string } | undefined)?.message ?? l.msg).slice(0, 160));
        failures.push(`${label}: ${err instanceof Error ? err.message : String(err)} ${cause.join(' | ')}`);
      }
    }
    expect(failures.slice(0, 10), `seed ${SEED}: ${failures.length} of ${total} failed`).toEqual([]);
  }, 60_000);

  // Found by this fuzzer, reduced: adapters deliver well-formed text (cleanText), but the ledger cuts a long
  // report's visit note at 500 UTF-16 units; an emoji across that cut leaves half a surrogate pair, which the
  // Redis commit script's JSON decoder rejects — the report can never be recorded.
  it('a long, well-formed report with an emoji across the 500th character is recorded', async () => {
    const head = '今天走访了华康药业，企业反映缺3名操作工。';
    const body = head + '情况说明'.repeat(200);
    for (const at of [498, 499, 500]) {
      const { text: t } = boundText(`${body.slice(0, at)}👍${body.slice(at)}`, config.ZCT_MAX_TEXT);
      // One reporter per variant: the same words again from the same person would be asked about as a repeat.
      const res = await replica.bot.handle(
        message(t, { conversationId: 'fz-g1', teamId: 'console:fz-g1', userId: `fz-emoji-${at}` }),
      );
      expect(res.reply?.intent, `emoji at ${at}: ${text(res.reply)}`).toBe('report');
      expect(text(res.reply)).toMatch(/Q-\d{4}/);
    }
  });
});
