/**
 * Platform-neutral replies. Handlers return these; each adapter renders them
 * (DingTalk markdown, Slack Block Kit, console text). Keep blocks semantic, not visual.
 */

export interface Citation {
  n: number;
  docId: string;
  title: string;
  source: string | null;
  date: string | null;
  chunkId: string;
  quote: string;
}

export type ReplyBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[]; ordered?: boolean }
  | { type: 'fields'; fields: { label: string; value: string }[] }
  | { type: 'table'; columns: string[]; rows: string[][] }
  | { type: 'citations'; items: Citation[] }
  | { type: 'note'; text: string }
  | { type: 'divider' };

export type Intent =
  | 'ask'
  | 'report'
  | 'issues'
  | 'digest'
  | 'help'
  | 'clarify'
  | 'admin'
  | 'error'
  | 'unsupported'
  | 'duplicate'
  | 'ratelimited';

export interface ReplyFile {
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface Reply {
  intent: Intent;
  /** Short title (DingTalk markdown title, Slack notification fallback prefix). */
  title?: string;
  blocks: ReplyBlock[];
  /** Present on policy answers: adapters that can show 👍/👎 do so, keyed by this id. */
  feedbackId?: string;
  files?: ReplyFile[];
}

export const reply = {
  text(intent: Intent, text: string, title?: string): Reply {
    return { intent, title, blocks: [{ type: 'paragraph', text }] };
  },
  error(text: string): Reply {
    return { intent: 'error', title: '出错了', blocks: [{ type: 'paragraph', text }] };
  },
};
