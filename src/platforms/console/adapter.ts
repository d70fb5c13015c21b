/**
 * Console adapter: a local chat in the terminal, as a given user in a given group.
 * TTY: an interactive prompt. Not a TTY: one message per input line, one reply block per message
 * (each block ends with a line "---"), processed in order — so it can be scripted.
 */
import readline from 'node:readline';
import { incomingMessageSchema, type IncomingMessage } from '../../messaging/incoming.js';
import { boundText } from '../../messaging/normalise.js';
import { renderText } from '../../messaging/render-text.js';
import type { Reply } from '../../messaging/reply.js';
import type { MessageSink, PlatformAdapter } from '../types.js';

export const REPLY_TERMINATOR = '---';

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
}

export function createConsoleAdapter(opts: ConsoleOptions): PlatformAdapter & { done: Promise<void> } {
  const runId = Date.now().toString(36);
  let counter = 0;
  let closed = false;
  let resolveDone: () => void = () => undefined;
  const done = new Promise<void>((r) => (resolveDone = r));
  const interactive = opts.interactive ?? Boolean((opts.input as NodeJS.ReadStream).isTTY);
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

  function print(reply: Reply | null) {
    const body = reply ? renderText(reply) : '（已处理过的消息，不再重复回复）';
    write(interactive ? `\n政策通> ${body.replace(/\n/g, '\n        ')}\n\n` : `${body}\n${REPLY_TERMINATOR}\n`);
  }

  return {
    platform: 'console',
    done,
    async start() {
      const rl = readline.createInterface({ input: opts.input, terminal: interactive, crlfDelay: Infinity });
      if (interactive) {
        write(`政策通 本地对话（用户 ${opts.user}，群 ${opts.group}）。输入“帮助”查看用法，Ctrl+D 退出。\n`);
        rl.setPrompt('你> ');
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
          print(result.reply);
          if (interactive) rl.prompt();
        }
        closed = true;
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
      print(reply);
    },
  };
}
