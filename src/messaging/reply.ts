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

/**
 * A button under a reply. Pressing it runs `command` through the normal pipeline as if the presser had
 * typed it (so every rule — who may 销号, what "对" confirms — lives in one place, the text commands).
 * Platforms without buttons show the commands as text hints instead.
 */
export interface ReplyAction {
  /** Button text, e.g. 确认记录. */
  label: string;
  /** The text command it stands for, e.g. "对", "不用了", "Q-0012 办结". */
  command: string;
  style?: 'primary' | 'danger' | 'default';
  /** Only this user may press it (e.g. the reporter confirming their own report); others are refused. */
  onlyUser?: string;
  /** Only admins (ZCT_ADMINS) may press it (销号); others are refused before the command runs. */
  adminOnly?: boolean;
}

export interface Reply {
  intent: Intent;
  /** Short title (DingTalk markdown title, Slack notification fallback prefix). */
  title?: string;
  blocks: ReplyBlock[];
  /** Present on policy answers: adapters that can show 👍/👎 do so, keyed by this id. */
  feedbackId?: string;
  files?: ReplyFile[];
  /** Buttons (interactive cards on DingTalk, Block Kit buttons on Slack). */
  actions?: ReplyAction[];
  /** Platform user ids to @-mention in a proactive message (reminders: the members responsible). */
  mentions?: string[];
}

export const reply = {
  text(intent: Intent, text: string, title?: string): Reply {
    return { intent, title, blocks: [{ type: 'paragraph', text }] };
  },
  error(text: string): Reply {
    return { intent: 'error', title: '出错了', blocks: [{ type: 'paragraph', text }] };
  },
};
