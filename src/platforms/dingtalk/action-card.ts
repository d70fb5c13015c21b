/**
 * Cards with buttons: a Reply that carries `actions` (确认记录 / 不记录, 办结 …) is delivered as an
 * interactive card; a press comes back as a card callback over the stream connection.
 *
 *  - The card's context (where it lives, its markdown, its actions) is kept in the store under
 *    `dingtalk:card:<outTrackId>` (session KV with a TTL), so any replica can handle a press.
 *  - A press runs the action's text command through the normal pipeline as if the presser had typed it:
 *    the rules (who may 销号, what "对" confirms) are the text commands' own. Its dedup key is the card's,
 *    so a card is acted on exactly once across replicas, whatever DingTalk redelivers or how often it is
 *    pressed; the card is then updated in place with the action and who pressed it, buttons removed.
 *  - An action reserved for one user (`onlyUser`) pressed by anyone else is refused (once per callback).
 *
 * Template: DingTalk's markdown-with-buttons card (variables `markdown`, `tips`, and `sys_full_json_obj`
 * carrying `msgButtons`; a pressed button's `id` comes back in `cardPrivateData.actionIds`).
 *
 * 👍/👎 on a finished AI card use the same mechanism (`sys_full_json_obj.msgButtons` on DingTalk's AI card):
 * their context carries the answer's feedbackId; a press stores a vote (once per callback id) and the card shows
 * who gave feedback. The buttons stay, so everyone in a group can vote; voting again replaces one's vote.
 */
import { z } from 'zod';
import { FEEDBACK_TEXTS, type Vote } from '../../answer/feedback.js';
import type { ReplyAction } from '../../messaging/reply.js';

import { ACTION_TEXTS } from '../action-texts.js';

export { ACTION_TEXTS };

export const DEFAULT_ACTION_CARD_TEMPLATE_ID = '1366a1eb-bc54-4859-ac88-517c56a9acb1.schema';
/** How long a card's buttons keep working. */
export const CARD_CONTEXT_TTL_SEC = 14 * 24 * 3600;
const BUTTON_PREFIX = 'zct_';
/** The card variable that lays out buttons (DingTalk's built-in card convention). */
export const BUTTONS_KEY = 'sys_full_json_obj';
const FEEDBACK_BUTTON = { up: 'zct_fb_up', down: 'zct_fb_down' } as const;

export const cardContextKey = (outTrackId: string) => `dingtalk:card:${outTrackId}`;

const actionSchema = z.object({
  label: z.string(),
  command: z.string(),
  style: z.enum(['primary', 'danger', 'default']).optional(),
  onlyUser: z.string().optional(),
  adminOnly: z.boolean().optional(),
});

export const cardContextSchema = z.object({
  outTrackId: z.string(),
  conversationId: z.string(),
  isGroup: z.boolean(),
  markdown: z.string(),
  actions: z.array(actionSchema),
  /** staffId → display name of the people the bot knows from this card (the sender). */
  names: z.record(z.string(), z.string()).default({}),
  /** An answer card's 👍/👎: the answer voted on, and who has voted so far (shown on the card). */
  feedbackId: z.string().optional(),
  voters: z.array(z.string()).default([]),
});
export type CardContext = z.infer<typeof cardContextSchema>;

function color(style: ReplyAction['style']): string {
  return style === 'danger' ? 'red' : style === 'primary' ? 'blue' : 'gray';
}

/** The `sys_full_json_obj` variable that lays out the buttons. */
export function buttonsParam(actions: ReplyAction[]): string {
  return JSON.stringify({
    msgButtons: actions.map((a, i) => ({
      text: a.label,
      color: color(a.style),
      id: `${BUTTON_PREFIX}${i}`,
      request: true,
    })),
  });
}

/** The buttons variable of an answer card with 👍/👎 (`contentKey`: the template's markdown variable). */
export function feedbackButtonsParam(contentKey: string): string {
  return JSON.stringify({
    order: [contentKey, 'msgButtons'],
    msgButtons: [
      { text: FEEDBACK_TEXTS.upLabel, color: 'blue', id: FEEDBACK_BUTTON.up, request: true },
      { text: FEEDBACK_TEXTS.downLabel, color: 'gray', id: FEEDBACK_BUTTON.down, request: true },
    ],
  });
}

/** Card variables for a card with buttons. */
export function actionCardParams(markdown: string, actions: ReplyAction[]): Record<string, string> {
  return { markdown, tips: '', [BUTTONS_KEY]: buttonsParam(actions) };
}

/** Variables after a press: the original text plus who did what; no buttons left. */
export function pressedCardParams(
  ctx: CardContext,
  action: ReplyAction,
  who: string,
  time: string,
): Record<string, string> {
  return {
    markdown: `${ctx.markdown}\n\n---\n${ACTION_TEXTS.pressed(action.label, who, time)}`,
    tips: '',
    [BUTTONS_KEY]: JSON.stringify({ msgButtons: [] }),
  };
}

const callbackSchema = z.object({
  outTrackId: z.string().min(1),
  userId: z.string().min(1),
  content: z.string().optional(),
  value: z.string().optional(),
});
const contentSchema = z.object({
  cardPrivateData: z.object({
    actionIds: z.array(z.string()).default([]),
    params: z.record(z.string(), z.unknown()).default({}),
  }),
});

/** A press on an action button (its index in the card's actions) or on an answer's 👍/👎. */
export type CardPress =
  | { outTrackId: string; userId: string; buttonIndex: number; vote?: undefined }
  | { outTrackId: string; userId: string; vote: Vote; buttonIndex?: undefined };

/** A card callback's `data` (stream frame or HTTP body) → which button of which card, pressed by whom. Null when unusable. */
export function parseCardCallback(data: unknown): CardPress | null {
  let raw = data;
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw);
    } catch {
      return null;
    }
  }
  const cb = callbackSchema.safeParse(raw);
  if (!cb.success) return null;
  let content: unknown;
  try {
    content = JSON.parse(cb.data.content ?? cb.data.value ?? '');
  } catch {
    return null;
  }
  const c = contentSchema.safeParse(content);
  if (!c.success) return null;
  const ids = [...c.data.cardPrivateData.actionIds, String(c.data.cardPrivateData.params.action ?? '')];
  const id = ids.find((x) => x.startsWith(BUTTON_PREFIX));
  if (id === FEEDBACK_BUTTON.up || id === FEEDBACK_BUTTON.down) {
    return { outTrackId: cb.data.outTrackId, userId: cb.data.userId, vote: id === FEEDBACK_BUTTON.up ? 'up' : 'down' };
  }
  const index = id?.slice(BUTTON_PREFIX.length) ?? '';
  if (!/^\d{1,3}$/.test(index)) return null;
  return { outTrackId: cb.data.outTrackId, userId: cb.data.userId, buttonIndex: Number(index) };
}
