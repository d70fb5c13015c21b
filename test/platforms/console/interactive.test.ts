/**
 * The console adapter in a terminal, in-process: a prompt, the user's line echoed, history kept in a file,
 * files attached to a reply saved to disk and named in the reply; logs kept out of the chat.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  consoleLogging,
  createConsoleAdapter,
  PROMPT,
  REPLY_TERMINATOR,
} from '../../../src/platforms/console/index.js';
import type { IncomingMessage } from '../../../src/messaging/incoming.js';
import type { Reply } from '../../../src/messaging/reply.js';
import type { HandleResult } from '../../../src/app/bot.js';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zct-console-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

function harness(interactive: boolean, answer: (m: IncomingMessage) => Reply) {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.setEncoding('utf8').on('data', (d: string) => (written += d));
  const seen: string[] = [];
  const adapter = createConsoleAdapter({
    sink: async (m): Promise<HandleResult> => {
      seen.push(m.text);
      return { reply: answer(m), duplicate: false };
    },
    input,
    output,
    user: 'u1',
    group: 'g1',
    isAdmin: true,
    maxText: 4000,
    interactive,
    fileDir: path.join(tmp, 'out'),
    historyFile: path.join(tmp, 'history'),
  });
  return { adapter, input, seen, output: () => written };
}

describe('console adapter', () => {
  it('in a terminal: shows a prompt, echoes what the user types and keeps a history file', async () => {
    const h = harness(true, (m) => ({ intent: 'help', blocks: [{ type: 'paragraph', text: `收到：${m.text}` }] }));
    await h.adapter.start();
    expect(h.output()).toContain(PROMPT);
    h.input.write('问题清单\r');
    h.input.write('帮助\r');
    h.input.end();
    await h.adapter.done;
    expect(h.seen).toEqual(['问题清单', '帮助']);
    const out = h.output();
    const plain = out.replace(/\u001b\[[0-9;]*[A-Za-z]/g, ''); // drop cursor moves
    expect(plain).toContain(`${PROMPT}问题清单\r\n`); // the prompt, then the typed line echoed
    expect(out.indexOf('收到：问题清单')).toBeGreaterThan(out.indexOf(PROMPT));
    expect(out).toContain('政策通> 收到：帮助');
    expect(out.split(PROMPT).length).toBeGreaterThanOrEqual(3); // a fresh prompt after each reply
    expect(fs.readFileSync(path.join(tmp, 'history'), 'utf8').split('\n').filter(Boolean)).toEqual([
      '问题清单',
      '帮助',
    ]);
  });

  it('reads the history file of an earlier session', async () => {
    fs.writeFileSync(path.join(tmp, 'history'), '第一条\n第二条\n');
    const h = harness(true, () => ({ intent: 'help', blocks: [{ type: 'paragraph', text: 'ok' }] }));
    await h.adapter.start();
    h.input.write('\u001b[A\r'); // ↑ then Enter: re-sends the newest history entry
    h.input.end();
    await h.adapter.done;
    expect(h.seen).toEqual(['第二条']);
  });

  it('saves files attached to a reply and says where (piped contract: one block per line, ending with ---)', async () => {
    const file = {
      filename: '问题台账-2024-03-18.xlsx',
      contentType: 'application/octet-stream',
      data: Buffer.from('PK-test'),
    };
    const h = harness(false, () => ({
      intent: 'admin',
      blocks: [{ type: 'paragraph', text: '问题台账导出' }],
      files: [file],
    }));
    await h.adapter.start();
    h.input.end('导出台账\n导出台账\n');
    await h.adapter.done;
    const blocks = h.output().split(`\n${REPLY_TERMINATOR}\n`).filter(Boolean);
    expect(blocks).toHaveLength(2);
    const first = path.join(tmp, 'out', '问题台账-2024-03-18.xlsx');
    const second = path.join(tmp, 'out', '问题台账-2024-03-18-2.xlsx');
    expect(blocks[0]).toContain(`文件已保存：${first}`);
    expect(blocks[1]).toContain(`文件已保存：${second}`);
    expect(fs.readFileSync(first, 'utf8')).toBe('PK-test');
    expect(fs.existsSync(second)).toBe(true);
    expect(h.output()).not.toContain(PROMPT);
  });

  it('keeps logs out of the chat: a file in a terminal, errors only on stderr when piped', async () => {
    const tty = consoleLogging({ interactive: true, level: 'info', levelExplicit: false, dir: tmp });
    expect(tty.logFile).toBe(path.join(tmp, 'console.log'));
    tty.logger.error({ err: 'redis down' }, 'store unavailable');
    await new Promise<void>((resolve) => setImmediate(resolve));
    await expect
      .poll(() => fs.existsSync(tty.logFile!) && fs.readFileSync(tty.logFile!, 'utf8'), { timeout: 5_000 })
      .toContain('store unavailable');
    const piped = consoleLogging({ interactive: false, level: 'info', levelExplicit: false, dir: tmp });
    expect(piped.logFile).toBeNull();
    expect(piped.logger.level).toBe('error');
    expect(consoleLogging({ interactive: false, level: 'debug', levelExplicit: true, dir: tmp }).logger.level).toBe(
      'debug',
    );
  });
});
