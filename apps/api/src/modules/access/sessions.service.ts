import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Subject } from 'rxjs';
import { DataSource } from 'typeorm';
import type { ActorClaims } from './actor';

/** How long one instance trusts what it read about a session: bounds what another instance's revocation takes to arrive. */
export const SESSION_CACHE_MS = 10_000;
/** Above this many cached sessions the expired ones are swept. */
const SWEEP_ABOVE = 5_000;

export type Revocation = { kind: 'user'; userId: string } | { kind: 'session'; sessionId: string };

interface Cached {
  userId: string;
  active: boolean;
  until: number;
}

/**
 * Whether the session an access token names is still good: its refresh family has a live token
 * (logout, a replayed refresh and disabling revoke them all) and the user is enabled with the role
 * and scope the token states (a changed role or scope makes the client fetch a new token). Checked
 * on every authenticated request and socket connect, cached briefly per instance, and forgotten at
 * once on this instance when something revokes it; `revocations` tells the live gateway, which
 * disconnects the sockets concerned (on every instance, through the Socket.IO adapter).
 */
@Injectable()
export class Sessions {
  private readonly cache = new Map<string, Cached>();
  readonly revocations = new Subject<Revocation>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async active(claims: ActorClaims, now = Date.now()): Promise<boolean> {
    if (typeof claims.sid !== 'string' || !claims.sid) return false;
    const key = `${claims.sid}|${claims.sub}|${claims.role}|${claims.scope}`;
    const hit = this.cache.get(key);
    if (hit && hit.until > now) return hit.active;
    const rows: { active: boolean }[] = await this.dataSource.query(
      `SELECT u.disabled_at IS NULL AND u.role = $3 AND o.path = $4
              AND EXISTS (SELECT 1 FROM refresh_token r
                           WHERE r.family_id = $2 AND r.user_id = u.id AND r.revoked_at IS NULL AND r.expires_at > now())
              AS active
         FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id
        WHERE u.id = $1`,
      [claims.sub, claims.sid, claims.role, claims.scope],
    );
    const active = rows[0]?.active === true;
    if (this.cache.size > SWEEP_ABOVE) {
      for (const [k, v] of this.cache) if (v.until <= now) this.cache.delete(k);
    }
    this.cache.set(key, { userId: claims.sub, active, until: now + SESSION_CACHE_MS });
    return active;
  }

  /**
   * After the change has committed (disabled, role or scope changed): every session of the user is
   * re-checked on its next use, and the user's sockets are disconnected.
   */
  userChanged(userId: string): void {
    for (const [k, v] of this.cache) if (v.userId === userId) this.cache.delete(k);
    this.revocations.next({ kind: 'user', userId });
  }

  /** After a session's refresh family was revoked (logout, a replayed refresh token). */
  sessionEnded(sessionId: string): void {
    for (const k of this.cache.keys()) if (k.startsWith(`${sessionId}|`)) this.cache.delete(k);
    this.revocations.next({ kind: 'session', sessionId });
  }
}
