/** `zct eval-updates --conversation`: a scripted conversation through the real bot, final 问题清单 compared issue by issue. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatConversationReport,
  matchIssues,
  runConversationEval,
} from '../../src/cli/commands/eval-conversation.js';
import type { Issue } from '../../src/ledger/model.js';
import { policyRetriever } from './helpers.js';

const FILE = path.resolve(__dirname, '../fixtures/ledger/conversation-mini.json');

describe('conversation evaluation', () => {
  it('replays the messages, answers the confirmation card, and scores the final ledger', async () => {
    const r = await runConversationEval(FILE, { retriever: await policyRetriever(), transcript: true });
    expect(r.messages).toBe(7);
    // The roll-up naming two enterprises was confirmed with 对, once.
    expect(r.asked.confirm).toBeGreaterThanOrEqual(1);
    expect(r.transcript?.some((t) => t.text === '对')).toBe(true);
    // Three expected issues are there and right; the fourth (never reported) is missing; nothing spurious.
    expect(r.present).toBe(3);
    expect(r.right).toBe(3);
    expect(r.rightRate).toBeCloseTo(0.75);
    expect(r.spurious).toEqual([]);
    expect(r.matches.find((m) => m.expected.category === '市场')?.got).toBeNull();
    expect(formatConversationReport(r, true)).toContain('3/4');
  });

  it('matching: enterprise first, then category and summary; a wrong field is named; leftovers are spurious', () => {
    const issue = (over: Partial<Issue>): Issue => ({
      id: 'Q-0001',
      teamId: 't',
      enterprise: '华康药业',
      category: '融资',
      summary: '流动资金紧张',
      department: '金融办',
      status: 'assigned',
      dueDate: null,
      reporter: 'u',
      reporterName: 'u',
      raisedOn: '2026-03-02',
      createdAt: 0,
      updatedAt: 0,
      resolvedAt: null,
      closedAt: null,
      messageId: 'm',
      ...over,
    });
    const { matches, spurious } = matchIssues(
      [{ enterprise: '华康药业', category: '融资', department: '金融办', status: 'resolved', summary: '资金紧张' }],
      [issue({}), issue({ id: 'Q-0002', enterprise: '七一电器' })],
    );
    expect(matches[0]?.got?.id).toBe('Q-0001');
    expect(matches[0]?.wrong).toEqual(['status']);
    expect(spurious.map((s) => s.id)).toEqual(['Q-0002']);
  });
});
