/** Field edits of a patch, with the values they replace (recorded on the event: history, audit log, undo). */
import type { IssuePatch } from '../../store/types.js';
import type { EditableField, FieldEdit, Issue } from '../model.js';

export function current(issue: Issue, field: EditableField): string | null {
  return issue[field];
}

/** The edits a patch makes to the issue it was planned from (non-status fields only). */
export function editsOf(patch: IssuePatch, issue: Issue): FieldEdit[] {
  const out: FieldEdit[] = [];
  for (const field of ['department', 'category', 'dueDate', 'summary', 'enterprise'] as const) {
    const to = patch[field];
    if (to === undefined || to === current(issue, field)) continue;
    out.push({ field, from: current(issue, field), to });
  }
  return out;
}
