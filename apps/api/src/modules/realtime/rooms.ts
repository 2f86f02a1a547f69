import type { RoomName } from '@provdash/shared/contracts';

export interface RoomUnit {
  code: string;
  type: string;
  /** Codes from the root, e.g. `TH/north/C15/50`. */
  path: string;
}

const CLUSTER_CODE = /^C[0-9]{2}$/;

/**
 * The rooms that show a unit's approved data: its province room, its cluster's, the national room
 * and the public one. A cluster-level unit has no province room.
 */
export function scopeRooms(unit: RoomUnit): RoomName[] {
  const rooms: RoomName[] = [];
  if (unit.type === 'province') rooms.push(`province:${unit.code}`);
  const cluster = unit.path.split('/').find((c) => CLUSTER_CODE.test(c));
  if (cluster) rooms.push(`cluster:${cluster}`);
  rooms.push('national', 'public');
  return rooms;
}

/** Drafts, submissions and returns of a province: its strategy office only. Other units have none. */
export function workspaceRooms(unit: RoomUnit): RoomName[] {
  return unit.type === 'province' ? [`workspace:${unit.code}`] : [];
}

export const userRoom = (userId: string): RoomName => `user:${userId}`;
