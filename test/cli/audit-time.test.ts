/** `zct audit --since/--until` read calendar days in the configured zone (src/time), like every other date. */
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/cli/commands/backup.js';
import { zonedTime } from '../../src/cli/commands/eval-conversation-time.js';

describe('audit and replay times', () => {
  it('a calendar day is its local start, or its last millisecond for --until', () => {
    expect(parseInstant('2024-03-18', 'Asia/Shanghai')).toBe(Date.parse('2024-03-17T16:00:00Z'));
    expect(parseInstant('2024-03-18', 'Asia/Shanghai', true)).toBe(Date.parse('2024-03-18T15:59:59.999Z'));
    expect(parseInstant('2024-03-18T08:00:00Z', 'Asia/Shanghai')).toBe(Date.parse('2024-03-18T08:00:00Z'));
    expect(() => parseInstant('昨天', 'Asia/Shanghai')).toThrow('无法识别的时间');
  });

  it('the replayed conversation speaks at 09:00 local time', () => {
    expect(zonedTime('2026-03-02', 'Asia/Shanghai')).toBe(Date.parse('2026-03-02T01:00:00Z'));
  });
});
