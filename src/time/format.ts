/** Chinese date labels for replies and digests. */
import { weekday } from './date.js';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const WEEKDAYS_LONG = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** "2024-03-18" → "3月18日". */
export function cnDate(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** "2024-03-18" → "周一". */
export function cnWeekday(date: string): string {
  return WEEKDAYS[weekday(date)] ?? '';
}

/** "2024-03-18" → "星期一". */
export function cnWeekdayLong(date: string): string {
  return WEEKDAYS_LONG[weekday(date)] ?? '';
}

/** "2024-03-18" → "3月18日（周一）". */
export function cnDateWeekday(date: string): string {
  return `${cnDate(date)}（${cnWeekday(date)}）`;
}

/** "2024-03" → "3月". */
export function cnMonth(date: string): string {
  return `${Number(date.slice(5, 7))}月`;
}
