/**
 * Conversation memory for follow-ups: the last few turns, kept in the Store's session documents
 * (key `ask:<conversationKey>`, TTL ZCT_SESSION_TTL_HOURS). What is read back is validated; a corrupt
 * session is discarded with a log line and the conversation simply starts over.
 */
import { z } from 'zod';
import type { Logger } from '../observability/logger.js';
import { StoreUnavailableError, type Store } from '../store/types.js';
import { readSession } from '../store/session.js';
import type { Turn } from './types.js';

export const MAX_TURNS = 5;
const SUMMARY_MAX = 200;

const turnSchema = z.object({
  question: z.string().max(4000),
  standaloneQuery: z.string().max(4000),
  answerSummary: z.string().max(2000),
  docIds: z.array(z.string()).max(20),
  at: z.number(),
  memory: z
    .object({
      items: z.array(z.string().max(1000)).max(30).optional(),
      unit: z.string().max(8).optional(),
      chunkId: z.string().max(400).optional(),
      refused: z.boolean().optional(),
      inline: z.boolean().optional(),
    })
    .optional(),
});

export const askSessionSchema = z.object({
  v: z.literal(1),
  turns: z.array(turnSchema).max(50),
});
export type AskSession = z.infer<typeof askSessionSchema>;

export function askSessionKey(conversationKey: string): string {
  return `ask:${conversationKey}`;
}

/** The remembered turns (oldest first); [] when none, expired or corrupt. StoreUnavailableError propagates. */
export async function loadHistory(store: Store, key: string, logger: Logger): Promise<Turn[]> {
  try {
    const s = await readSession(store, key, askSessionSchema, logger);
    return s ? s.turns.slice(-MAX_TURNS) : [];
  } catch (err) {
    if (err instanceof StoreUnavailableError) throw err;
    // Unreadable bytes (not JSON at all) end up here.
    logger.warn({ sessionKey: key, err: (err as Error).message }, 'ask session unreadable: discarded');
    await store.deleteSession(key).catch(() => undefined);
    return [];
  }
}

export function summarize(answer: string): string {
  const chars = [...answer.replace(/\s+/g, ' ')];
  return chars.length <= SUMMARY_MAX ? chars.join('') : `${chars.slice(0, SUMMARY_MAX - 1).join('')}…`;
}

export async function saveTurn(store: Store, key: string, history: Turn[], turn: Turn, ttlSec: number): Promise<void> {
  const session: AskSession = { v: 1, turns: [...history, turn].slice(-MAX_TURNS) };
  await store.setSession(key, session, Math.max(1, Math.round(ttlSec)));
}
