/** The zero-config demo: a console group registered as a liaison team bound to a demo enterprise. */
import type { Store } from '../store/types.js';

export const DEMO_GROUP = 'demo';
export const DEMO_USER = 'demo-user';
export const DEMO_TEAM_NAME = '演示联企小组';
export const DEMO_ENTERPRISES = ['华康药业'];

export async function ensureDemoTeam(store: Store, group: string, now: number): Promise<void> {
  const id = `console:${group}`;
  if (await store.getTeam(id)) return;
  await store.upsertTeam({
    id,
    platform: 'console',
    conversationId: group,
    name: group === DEMO_GROUP ? DEMO_TEAM_NAME : group,
    enterprises: group === DEMO_GROUP ? DEMO_ENTERPRISES : [],
    isAdminGroup: false,
    createdAt: now,
    // (the demo's enterprise gives way to the first 绑定企业 of the user's own)
    ...(group === DEMO_GROUP ? { seeded: DEMO_ENTERPRISES } : {}),
  });
}
