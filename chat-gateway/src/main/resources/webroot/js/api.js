// HTTP client for /api/v1: JSON in and out, the access token on every call, and one
// transparent token refresh + retry when the server answers 401.
// The session (user + tokens) lives in localStorage so a reload stays signed in.

const BASE = '/api/v1';
const STORE_KEY = 'parley.session';
const EARLY_REFRESH_MS = 15_000; // refresh a little before the access token expires

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status; // 0 when the server could not be reached
    this.code = code;
  }
}

let session = readStored(); // { user, accessToken, refreshToken, expiresAt } or null
let refreshing = null;      // the refresh in flight, shared by every caller that needs it
const signedOutListeners = new Set();
const roomDeniedListeners = new Set();

function readStored() {
  try { return JSON.parse(localStorage.getItem(STORE_KEY)); } catch { return null; }
}

function store(next) {
  session = next;
  if (next) localStorage.setItem(STORE_KEY, JSON.stringify(next));
  else localStorage.removeItem(STORE_KEY);
}

function adopt(body) {
  const expiresIn = Number(body.expiresIn);
  store({
    user: body.user,
    accessToken: body.accessToken,
    refreshToken: body.refreshToken,
    expiresAt: expiresIn > 0 ? Date.now() + expiresIn * 1000 : null,
  });
  return session.user;
}

/** The session ended without the user asking (refresh refused, signed out in another tab). */
function endSession() {
  const had = session;
  store(null);
  if (had) signedOutListeners.forEach((fn) => fn());
}

// Tabs share localStorage: follow another tab's refresh, sign-out or sign-in.
addEventListener('storage', (e) => {
  if (e.key !== STORE_KEY && e.key !== null) return;
  const before = session;
  session = readStored();
  if (before && !session) signedOutListeners.forEach((fn) => fn());
  else if (session && before?.user?.id !== session.user?.id) location.reload();
});

async function call(method, path, body, token) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let res;
  try {
    res = await fetch(BASE + path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'Cannot reach the server. Check your connection.');
  }
  const data = res.status === 204 ? null : await res.json().catch(() => null);
  return { res, data };
}

function failure(res, data) {
  const err = data?.error;
  return new ApiError(res.status, err?.code ?? `http_${res.status}`,
    err?.message ?? `Request failed (HTTP ${res.status})`);
}

/** Refresh tokens rotate, so concurrent refreshes (two calls, two tabs) must not race. */
function withLock(fn) {
  return navigator.locks?.request ? navigator.locks.request('parley.refresh', fn) : fn();
}

async function doRefresh(staleAccessToken) {
  const latest = readStored();
  if (!latest) {
    endSession();
    throw new ApiError(401, 'unauthorized', 'Please sign in again.');
  }
  if (latest.accessToken !== staleAccessToken) { // another tab (or call) already refreshed
    session = latest;
    return;
  }
  const { res, data } = await call('POST', '/auth/refresh', { refreshToken: latest.refreshToken });
  if (res.ok) { adopt(data); return; }
  if ([400, 401, 403].includes(res.status)) endSession(); // the refresh token is dead: sign in again
  throw failure(res, data);
}

/**
 * Get new tokens. Resolves when a fresh access token is in place; rejects with an ApiError
 * (and fires onSignedOut) when the server refuses the refresh token. A network failure
 * rejects without signing out.
 */
export function refresh(staleAccessToken = session?.accessToken) {
  refreshing ??= withLock(() => doRefresh(staleAccessToken)).finally(() => { refreshing = null; });
  return refreshing;
}

/** An authenticated call: Bearer token, refresh and one retry on 401. Returns the JSON body. */
async function request(method, path, body) {
  if (session?.expiresAt && session.expiresAt - Date.now() < EARLY_REFRESH_MS) {
    await refresh().catch(() => {}); // best effort: a real failure shows up as a 401 below
  }
  if (!session) throw new ApiError(401, 'unauthorized', 'Please sign in.');
  const token = session.accessToken;
  let { res, data } = await call(method, path, body, token);
  if (res.status === 401) {
    await refresh(token); // throws, and signs out, when the session is gone
    ({ res, data } = await call(method, path, body, session.accessToken));
  }
  if (!res.ok) {
    // A room call refused with 403/404 usually means our list of rooms is stale (removed, banned,
    // room gone): let the sidebar re-check rather than leave a room that no longer works.
    if ((res.status === 403 || res.status === 404) && ROOM_PATH.test(path)) {
      roomDeniedListeners.forEach((fn) => fn(path));
    }
    throw failure(res, data);
  }
  return data;
}

/** A call that needs no session (e.g. looking at an invite before signing in). */
async function anonymous(method, path) {
  const { res, data } = await call(method, path);
  if (!res.ok) throw failure(res, data);
  return data;
}

async function authenticate(path, body) {
  const { res, data } = await call('POST', path, body);
  if (!res.ok) throw failure(res, data);
  return adopt(data);
}

const enc = encodeURIComponent;
const room = (id) => `/rooms/${enc(id)}`;
const member = (id, user) => `${room(id)}/members/${enc(user)}`;
const ROOM_PATH = /^\/rooms\/[^/?]+/;

export const currentUser = () => session?.user ?? null;

/** fn() runs when the session ends by itself; an explicit logout() does not fire it. */
export function onSignedOut(fn) {
  signedOutListeners.add(fn);
}

/** fn(path) runs when a call about one room (/rooms/{id}/...) is answered 403 or 404. */
export function onRoomDenied(fn) {
  roomDeniedListeners.add(fn);
}

export const api = {
  register: (email, password, name) => authenticate('/auth/register', { email, password, name }),
  login: (email, password) => authenticate('/auth/login', { email, password }),

  async logout() {
    const refreshToken = session?.refreshToken;
    store(null); // sign out here at once; telling the server is best effort
    if (refreshToken) await call('POST', '/auth/logout', { refreshToken }).catch(() => {});
  },

  async me() {
    const { user } = await request('GET', '/me');
    if (session && user) store({ ...session, user });
    return user;
  },

  wsTicket: () => request('POST', '/ws-ticket'),
  rooms: () => request('GET', '/rooms'),
  channels: () => request('GET', '/channels'),
  createRoom: (name, kind, topic) => request('POST', '/rooms', topic ? { name, kind, topic } : { name, kind }),
  joinRoom: (id) => request('POST', `${room(id)}/join`),

  /** { before } or { after } a seq, or neither for the latest page. */
  messages(id, { before, after, limit = 50 } = {}) {
    const q = new URLSearchParams({ limit });
    if (before != null) q.set('before', before);
    if (after != null) q.set('after', after);
    return request('GET', `${room(id)}/messages?${q}`);
  },

  markRead: (id, seq) => request('POST', `${room(id)}/read`, { seq }),

  // ---- people and direct messages ----
  /** People of the workspace matching `q` (name or email), never including me. */
  users: (q) => request('GET', `/users?${new URLSearchParams({ q })}`),
  /** The DM (one id) or group DM (several) with these people: 200 existing, 201 created. */
  openDm: (users) => request('POST', '/dms', { users }),

  // ---- members and moderation ----
  members: (id) => request('GET', `${room(id)}/members`),
  addMember: (id, user) => request('POST', `${room(id)}/members`, { user }),
  /** Removing myself is leaving. */
  removeMember: (id, user) => request('DELETE', member(id, user)),
  setRole: (id, user, role) => request('PUT', `${member(id, user)}/role`, { role }),
  ban: (id, user) => request('POST', `${room(id)}/bans`, { user }),
  unban: (id, user) => request('DELETE', `${room(id)}/bans/${enc(user)}`),
  mute: (id, user) => request('POST', `${room(id)}/mutes`, { user }),
  unmute: (id, user) => request('DELETE', `${room(id)}/mutes/${enc(user)}`),
  /** changes: { name?, topic? } */
  updateRoom: (id, changes) => request('PATCH', room(id), changes),
  archive: (id) => request('POST', `${room(id)}/archive`),
  unarchive: (id) => request('POST', `${room(id)}/unarchive`),
  audit: (id) => request('GET', `${room(id)}/audit`),
  deleteMessage: (id, messageId) => request('DELETE', `${room(id)}/messages/${enc(messageId)}`),

  // ---- invites ----
  /** { maxUses?, expiresIn? (seconds) }; a missing field means unlimited / never. */
  createInvite(id, { maxUses, expiresIn } = {}) {
    const body = {};
    if (maxUses != null) body.maxUses = maxUses;
    if (expiresIn != null) body.expiresIn = expiresIn;
    return request('POST', `${room(id)}/invites`, body);
  },
  invites: (id) => request('GET', `${room(id)}/invites`),
  revokeInvite: (id, inviteId) => request('DELETE', `${room(id)}/invites/${enc(inviteId)}`),
  emailInvites: (id, emails) => request('POST', `${room(id)}/invites/email`, { emails }),
  /** What an invite link leads to; works signed out. */
  inviteInfo: (token) => anonymous('GET', `/invites/${enc(token)}`),
  acceptInvite: (token) => request('POST', `/invites/${enc(token)}/accept`),
};
