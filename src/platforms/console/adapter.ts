/**
 * Console adapter: a local chat in the terminal, as a given user in a given group.
 * TTY: an interactive prompt (你> ) with echo, line editing and history (kept in `historyFile` when given).
 * Not a TTY: one message per input line, one reply block per message (each block ends with a line "---"),
 * processed in order — so it can be scripted.
 * Files a reply carries (the xlsx of 导出台账) are written to `fileDir` and the reply says where.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { incomingMessageSchema, type IncomingMessage } from '../../messaging/incoming.js';
import { boundText } from '../../messaging/normalise.js';
import { renderText } from '../../messaging/render-text.js';
import type { Reply, ReplyFile } from '../../messaging/reply.js';
import type { MessageSink, PlatformAdapter } from '../types.js';

export const REPLY_TERMINATOR = '---';
export const PROMPT = '你> ';
const HISTORY_SIZE = 500;

export interface ConsoleOptions {
  sink: MessageSink;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  user: string;
  userName?: string;
  group: string;
  groupTitle?: string;
  isAdmin: boolean;
  maxText: number;
  interactive?: boolean;
  clock?: () => Date;
  /** Where files attached to replies are written (default: ./exports). */
  fileDir?: string;
  /** Interactive use: the line history is read from and written to this file. */
  historyFile?: string;
}

function readHistory(file: string | undefined): string[] {
  if (!file) return [];
  try {
    // readline keeps the newest entry first.
    return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).reverse().slice(0, HISTORY_SIZE);
  } catch {
    return [];
  }
}

function writeHistory(file: string | undefined, history: string[]): void {
  if (!file) return;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${[...history].reverse().join('\n')}\n`);
  } catch {
    // history is a convenience: never break the chat over it
  }
}

/** A file name that cannot leave `dir` and does not overwrite an earlier file. */
function freePath(dir: string, filename: string): string {
  const base = path.basename(filename).replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_') || 'file';
  const ext = path.extname(base);
  const stem = base.slice(0, base.length - ext.length);
  let candidate = path.join(dir, base);
  for (let n = 2; fs.existsSync(candidate); n += 1) candidate = path.join(dir, `${stem}-${n}${ext}`);
  return candidate;
}

export function createConsoleAdapter(opts: ConsoleOptions): PlatformAdapter & { done: Promise<void> } {
  const runId = Date.now().toString(36);
  let counter = 0;
  let closed = false;
  let resolveDone: () => void = () => undefined;
  const done = new Promise<void>((r) => (resolveDone = r));
  const interactive = opts.interactive ?? Boolean((opts.input as NodeJS.ReadStream).isTTY);
  const fileDir = path.resolve(opts.fileDir ?? 'exports');
  const write = (s: string) => opts.output.write(s);

  function toMessage(line: string): IncomingMessage {
    counter += 1;
    const { text, oversized } = boundText(line, opts.maxText);
    const id = `console-${runId}-${counter}`;
    return incomingMessageSchema.parse({
      platform: 'console',
      messageId: id,
      dedupKey: `console:${id}`,
      conversationId: opts.group,
      teamId: `console:${opts.group}`,
      isGroup: true,
      conversationTitle: opts.groupTitle ?? opts.group,
      userId: opts.user,
      userName: opts.userName ?? opts.user,
      isAdmin: opts.isAdmin,
      text,
      oversized,
      receivedAt: (opts.clock?.() ?? new Date()).getTime(),
    });
  }

  async function saveFiles(files: ReplyFile[]): Promise<string[]> {
    const lines: string[] = [];
    for (const f of files) {
      try {
        await fs.promises.mkdir(fileDir, { recursive: true });
        const out = freePath(fileDir, f.filename);
        await fs.promises.writeFile(out, f.data);
        lines.push(`文件已保存：${out}`);
      } catch (err) {
        lines.push(`文件 ${f.filename} 保存失败：${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return lines;
  }

  async function print(reply: Reply | null): Promise<void> {
    let body = reply ? renderText(reply) : '（已处理过的消息，不再重复回复）';
    if (reply?.files?.length) body = [body, ...(await saveFiles(reply.files))].join('\n');
    write(interactive ? `\n政策通> ${body.replace(/\n/g, '\n        ')}\n\n` : `${body}\n${REPLY_TERMINATOR}\n`);
  }

  return {
    platform: 'console',
    done,
    async start() {
      const rl = interactive
        ? readline.createInterface({
            input: opts.input,
            output: opts.output,
            terminal: true,
            prompt: PROMPT,
            history: readHistory(opts.historyFile),
            historySize: HISTORY_SIZE,
            removeHistoryDuplicates: true,
            crlfDelay: Infinity,
          })
        : readline.createInterface({ input: opts.input, terminal: false, crlfDelay: Infinity });
      if (interactive) {
        rl.on('history', (history: string[]) => writeHistory(opts.historyFile, history));
        write(
          `政策通 本地对话（用户 ${opts.user}，群 ${opts.group}）。输入“帮助”查看用法，↑↓ 翻看输入历史，Ctrl+D 退出。\n`,
        );
        rl.prompt();
      }
      (async () => {
        for await (const line of rl) {
          if (closed) break;
          if (!line.trim()) {
            if (interactive) rl.prompt();
            continue;
          }
          const result = await opts.sink(toMessage(line));
          await print(result.reply);
          if (interactive) rl.prompt();
        }
        closed = true;
        if (interactive) write('\n');
        resolveDone();
      })().catch((err: unknown) => {
        write(`控制台出错：${err instanceof Error ? err.message : String(err)}\n`);
        closed = true;
        resolveDone();
      });
    },
    async stop() {
      closed = true;
      resolveDone();
    },
    isConnected: () => !closed,
    async sendToConversation(_conversationId, reply) {
      await print(reply);
    },
  };
}
