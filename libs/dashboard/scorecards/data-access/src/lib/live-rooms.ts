import type { AuthUserDto, ClusterDirectoryDto, RoomName } from '@provdash/shared/contracts';

/** Whose scope is the whole country: they may join every province's room and `national`. */
function seesEverything(user: AuthUserDto): boolean {
  return user.role === 'admin' || user.scope.type === 'country';
}

/** Whether the user's scope needs the cluster directory to tell if it covers a province. */
export function scopeNeedsDirectory(user: AuthUserDto | null): boolean {
  return !!user && !seesEverything(user) && (user.scope.type === 'cluster' || user.scope.type === 'region');
}

/**
 * The room that carries one province's approved changes to this reader: `province:<code>` when
 * signed in with that province in scope (the server refuses it otherwise), else `public`, where
 * every province's approvals arrive and the screen keeps its own. `directory` is undefined while it
 * loads (null when it could not be loaded); a cluster or region scope waits for it, so the screen
 * does not join one room only to move to another a moment later.
 */
export function provinceRoom(
  user: AuthUserDto | null,
  code: string,
  directory?: ClusterDirectoryDto | null,
): RoomName | null {
  if (!user) return 'public';
  if (seesEverything(user)) return `province:${code}`;
  const scope = user.scope;
  if (scope.type === 'province') return scope.code === code ? `province:${code}` : 'public';
  if (!scopeNeedsDirectory(user)) return 'public';
  if (directory === undefined) return null;
  if (directory === null) return 'public';
  const cluster = directory.clusters.find((c) => c.provinces.some((p) => p.code === code));
  const covering = cluster
    ? [cluster.code, cluster.regionCode]
    : directory.unclustered.filter((p) => p.code === code).map((p) => p.parentCode);
  return covering.includes(scope.code) ? `province:${code}` : 'public';
}

/** Comparisons span every province: `national` for country-wide readers, `public` for the others. */
export function comparisonRoom(user: AuthUserDto | null): RoomName {
  return user && seesEverything(user) ? 'national' : 'public';
}
