/**
 * One policy answer shown as a DingTalk AI card (DINGTALK_AI_CARD=1 or DINGTALK_CARD_TEMPLATE_ID):
 *
 *   begin()      → createAndDeliver the card in the processing state (status 1), without waiting
 *   update(text) → throttled (≥ minIntervalMs apart, latest text wins): first switch to inputting
 *                  (status 2), then PUT /v1.0/card/streaming with the full text so far
 *   finish(md)   → one PUT /v1.0/card/instances: status 3 (finished) + the final markdown, citations included
 *                  (and the 👍/👎 buttons when given). That single call decides: it worked → the card is the
 *                  reply; it failed → the card is marked failed with a line pointing at the markdown reply the
 *                  caller then sends. So the answer is shown exactly once, and a card is never left "processing".
 *
 * Streaming failures only stop the preview (the final update is still tried); a card that could not be
 * created means the caller sends the markdown reply as before.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../observability/logger.js';
import type { DingTalkApi } from './api-client.js';
import type { ReplyTarget } from './parse.js';

/** DingTalk's standard AI card template (processing / inputting / finished / failed, markdown `msgContent`). */
export const DEFAULT_AI_CARD_TEMPLATE_ID = '382e4302-551d-4880-bf29-a30acfab2e71.schema';
/**
 * The template's variables (DINGTALK_CARD_CONTENT_KEY / DINGTALK_CARD_STATUS_KEY): DingTalk's standard AI card
 * streams markdown into `msgContent` and shows its state from `flowStatus`; a template made in the card platform
 * may name the markdown variable otherwise (e.g. `content`).
 */
export interface CardKeys {
  content: string;
  status: string;
}
export const DEFAULT_CARD_KEYS: CardKeys = { content: 'msgContent', status: 'flowStatus' };
/** The card's states as DingTalk's AI cards define them (the values of the status variable). */
export const FLOW_STATUS = { processing: '1', inputting: '2', finished: '3', failed: '5' } as const;
/** Shown in a card whose answer went out as a normal message instead. */
export const CARD_REPLACED_TEXT = '（卡片更新失败，回答已作为消息发送。）';
/** Shown in a card whose answer was too long for one card and went out as messages. */
export const CARD_TOO_LONG_TEXT = '（回答较长，已分条发送。）';
/** Default spacing of streaming updates: at most ~3 per second. */
export const DEFAULT_CARD_UPDATE_MS = 300;

export interface AnswerCardOptions {
  api: DingTalkApi;
  templateId: string;
  target: ReplyTarget;
  /** Sender's display name (group cards @-mention the sender). */
  senderNick?: string;
  minIntervalMs?: number;
  logger: Logger;
  /** The template's variable names (default DEFAULT_CARD_KEYS). */
  keys?: CardKeys;
}

/** Can this message be answered with a card? (Needs a group id, or the sender's staffId in 1:1.) */
export function cardTargetOf(target: ReplyTarget, senderNick?: string) {
  if (target.isGroup && target.conversationId) {
    return {
      kind: 'group' as const,
      openConversationId: target.conversationId,
      ...(target.staffId ? { atUserIds: { [target.staffId]: senderNick || target.staffId } } : {}),
    };
  }
  if (!target.isGroup && target.staffId) return { kind: 'user' as const, userId: target.staffId };
  return null;
}

export class AnswerCard {
  readonly outTrackId = randomUUID();
  /** Streaming updates that reached DingTalk (tests, logs). */
  updates = 0;
  private created: Promise<boolean> | null = null;
  private latest = '';
  private sent = '';
  private inputting = false;
  private finishing = false;
  private streamBroken = false;
  private timer: NodeJS.Timeout | null = null;
  private scheduled = false;
  private chain: Promise<void> = Promise.resolve();
  private lastFlushAt = 0;
  private readonly minIntervalMs: number;
  private readonly log: Logger;
  private readonly keys: CardKeys;

  constructor(private readonly opts: AnswerCardOptions) {
    this.minIntervalMs = opts.minIntervalMs ?? DEFAULT_CARD_UPDATE_MS;
    this.keys = opts.keys ?? DEFAULT_CARD_KEYS;
    this.log = opts.logger.child({ card: this.outTrackId });
  }

  get started(): boolean {
    return this.created !== null;
  }

  /** Show the processing state now (the create call runs in the background). */
  begin(): void {
    if (this.created) return;
    const target = cardTargetOf(this.opts.target, this.opts.senderNick);
    if (!target) {
      this.created = Promise.resolve(false);
      return;
    }
    this.created = this.opts.api
      .createAndDeliverCard({
        cardTemplateId: this.opts.templateId,
        outTrackId: this.outTrackId,
        cardParamMap: { [this.keys.status]: FLOW_STATUS.processing, [this.keys.content]: '' },
        target,
      })
      .then(
        () => true,
        (err: unknown) => {
          this.log.warn({ err: (err as Error).message }, 'AI card could not be created; replying with markdown');
          return false;
        },
      );
  }

  /** The answer so far (full text). Ignored before begin(), after finish() or once streaming broke. */
  update(text: string): void {
    if (!this.created || this.finishing || this.streamBroken) return;
    this.latest = text;
    if (this.scheduled) return;
    this.scheduled = true;
    const wait = Math.max(0, this.lastFlushAt + this.minIntervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.chain = this.chain
        .then(() => this.flush())
        .finally(() => {
          // One flush at a time; text that arrived meanwhile goes out minIntervalMs after this one ended.
          this.scheduled = false;
          if (this.latest !== this.sent) this.update(this.latest);
        });
    }, wait);
  }

  private async flush(): Promise<void> {
    if (this.finishing || this.streamBroken || !(await this.created)) return;
    const text = this.latest;
    if (text === this.sent) return;
    try {
      if (!this.inputting) {
        await this.opts.api.updateCard(this.outTrackId, { [this.keys.status]: FLOW_STATUS.inputting });
        this.inputting = true;
      }
      await this.opts.api.streamCard({
        outTrackId: this.outTrackId,
        key: this.keys.content,
        content: text,
        guid: randomUUID(),
      });
      this.sent = text;
      this.updates += 1;
    } catch (err) {
      this.streamBroken = true;
      this.log.warn({ err: (err as Error).message }, 'AI card streaming failed; the final answer is still tried');
    } finally {
      this.lastFlushAt = Date.now();
    }
  }

  private stopStreaming(): Promise<void> {
    this.finishing = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return this.chain;
  }

  /**
   * Finish the card with the final markdown (and `extra` variables, e.g. buttons). True: the card now shows the
   * answer and nothing else must be sent. False: send the markdown reply (the card was never created, or has
   * been marked as replaced).
   */
  async finish(markdown: string, extra: Record<string, string> = {}): Promise<boolean> {
    await this.stopStreaming();
    if (!(await this.created)) return false;
    try {
      await this.opts.api.updateCard(this.outTrackId, {
        ...extra,
        [this.keys.status]: FLOW_STATUS.finished,
        [this.keys.content]: markdown,
      });
      return true;
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'AI card could not be finished; replying with markdown');
      await this.markReplaced(CARD_REPLACED_TEXT);
      return false;
    }
  }

  /** The answer goes out another way (too long for a card, or nothing to show): close the card. */
  async abandon(note: string): Promise<void> {
    await this.stopStreaming();
    if (await this.created) await this.markReplaced(note);
  }

  private async markReplaced(note: string): Promise<void> {
    try {
      await this.opts.api.updateCard(this.outTrackId, {
        [this.keys.status]: FLOW_STATUS.failed,
        [this.keys.content]: note,
      });
    } catch (err) {
      // Nothing more to try: DingTalk shows the card as unfinished; the markdown reply carries the answer.
      this.log.warn({ err: (err as Error).message }, 'AI card could not be marked as replaced');
    }
  }
}
