/**
 * ZCT_ADMINS: who may 销号 and export. Entries name a platform and that platform's stable user id:
 *   dingtalk:<staffId>   (senderStaffId — never DingTalk's senderId, which is per-robot and not an org identity)
 *   slack:<userId>       (U…)
 *   console:<user>       (the local console)
 * A bare entry (the old form) still matches the id on any platform; the process logs a warning at start naming it.
 */
export type AdminPlatform = 'dingtalk' | 'slack' | 'console';

const QUALIFIED = /^(dingtalk|slack|console):(.+)$/;

export function isAdminUser(
  admins: readonly string[],
  platform: AdminPlatform,
  userId: string | null | undefined,
): boolean {
  if (!userId) return false;
  for (const entry of admins) {
    const m = QUALIFIED.exec(entry);
    if (m ? m[1] === platform && m[2] === userId : entry === userId) return true;
  }
  return false;
}

/** Entries in the old, platform-less form (for the start-up warning). */
export function legacyAdminEntries(admins: readonly string[]): string[] {
  return admins.filter((e) => !QUALIFIED.test(e));
}

export const ADMIN_FORMAT_WARNING =
  'ZCT_ADMINS entries without a platform match that id on every platform; write them as dingtalk:<staffId> or slack:<userId>';
