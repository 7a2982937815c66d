// Who may do what, as far as the client needs to know to show or hide controls.
// The server checks every call anyway; these only keep buttons that would be refused out of sight.

const ADMIN_ROLES = new Set(['owner', 'admin']);

/** My role in the room (room.role from GET /rooms, kept live by member.updated) or in the workspace. */
export function isAdmin(room, me) {
  return ADMIN_ROLES.has(room?.role) || ADMIN_ROLES.has(me?.workspaceRole);
}

/** Invite links: any member of a public channel, admins of a private one; never DMs nor archived rooms. */
export function canInvite(room, me) {
  if (!room || room.archived) return false;
  if (room.kind === 'channel') return true;
  return room.kind === 'private' && isAdmin(room, me);
}

/** Room settings, adding people and moderating members: channels only (nobody moderates a DM). */
export function canManage(room, me) {
  return (room?.kind === 'channel' || room?.kind === 'private') && isAdmin(room, me);
}

/**
 * Acting on a person (remove, ban, mute, change role) takes a rank strictly above theirs:
 * workspace owner 4, room owner 3, room admin or workspace admin 2, member 1. The member list
 * shows room roles only, so someone's workspace rank is unknown here: the server may still refuse
 * (and says why), e.g. for the workspace owner sitting in a room as a plain member.
 */
export function canActOn(room, me, member) {
  if (!canManage(room, me) || !member || member.user === me?.id) return false;
  const mine = me?.workspaceRole === 'owner' ? 4 : room.role === 'owner' ? 3 : 2; // canManage: at least 2
  const theirs = member.role === 'owner' ? 3 : member.role === 'admin' ? 2 : 1;
  return mine > theirs;
}

/**
 * Deleting a message: my own, or anyone's when I moderate a channel. In a DM or group DM the
 * person who started it may be its "owner", but that is no reason to delete the others' words.
 */
export function canDeleteMessage(room, me, senderId) {
  if (senderId != null && senderId === me?.id) return true;
  return (room?.kind === 'channel' || room?.kind === 'private') && isAdmin(room, me);
}

/** Posting: not in an archived room, not while muted. */
export function canPost(room) {
  return Boolean(room) && !room.archived && !room.muted;
}
