/** Export data: the issue ledger and the visit log as two tables with Chinese column headers. */

export type Cell = string | number | null;

export interface Column {
  header: string;
  /** Column width in characters (xlsx). */
  width: number;
  kind: 'text' | 'number';
}

export interface Sheet {
  /** Sheet name: 问题清单 / 走访记录. */
  name: string;
  columns: Column[];
  rows: Cell[][];
}

export interface ExportOptions {
  /** Inclusive YYYY-MM-DD bounds: issues by the day raised (raisedOn), visits by visit date. */
  from?: string;
  to?: string;
  /** Only one team. */
  teamId?: string;
  /** Zone for timestamps and "today" (default Asia/Shanghai). */
  timeZone?: string;
  /** ms; "today" for ages and overdue days (default now). */
  now?: number;
}

export interface ExportSummary {
  issues: number;
  open: number;
  overdue: number;
  resolved: number;
  visits: number;
  /** Per team: name, issues, open, overdue, visits — laggards (most overdue) first. */
  teams: { teamId: string; teamName: string; issues: number; open: number; overdue: number; visits: number }[];
}

export interface ExportData {
  from: string | null;
  to: string | null;
  teamId: string | null;
  /** YYYY-MM-DD the export was made (local). */
  date: string;
  generatedAt: number;
  timeZone: string;
  issues: Sheet;
  visits: Sheet;
  summary: ExportSummary;
}
