/** Load + compute in one call, for the chat handler, the CLI and the scheduler. */
import type { Store } from '../store/types.js';
import { leadershipDigest, prepareDigest, teamDigest, type LeadershipOptions } from './compute.js';
import { loadDigestInput } from './load.js';
import type { DigestWindow, LeadershipDigest, TeamDigest } from './types.js';

export interface DigestRequest {
  window: DigestWindow;
  timeZone: string;
  adminGroups?: string[];
}

/** One team's digest (reads only that team's issues and visits); null when the team is not registered. */
export async function loadTeamDigest(store: Store, teamId: string, req: DigestRequest): Promise<TeamDigest | null> {
  const input = await loadDigestInput(store, { ...req, teamId });
  return teamDigest(prepareDigest(input), teamId);
}

/** The leadership digest over every team. */
export async function loadLeadershipDigest(
  store: Store,
  req: DigestRequest,
  options?: LeadershipOptions,
): Promise<LeadershipDigest> {
  const input = await loadDigestInput(store, req);
  return leadershipDigest(prepareDigest(input), options);
}
