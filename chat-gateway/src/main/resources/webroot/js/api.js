// HTTP client for /api/v1: JSON in and out (or a raw file body, for pictures), the access token
// on every call, and one transparent token refresh + retry when the server answers 401.
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

/** A File, Blob or form goes as it is (the browser sets its Content-Type); anything else as JSON. */
const isRaw = (body) => (typeof Blob !== 'undefined' && body instanceof Blob)
  || (typeof FormData !== 'undefined' && body instanceof FormData);

/** blob: read a successful answer as a Blob (a file) rather than JSON. */
async function call(method, path, body, token, blob = false) {
  const headers = { Accept: 'application/json' };
  const raw = isRaw(body);
  if (body !== undefined && !raw) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let res;
  try {
    res = await fetch(BASE + path, {
      method, headers, body: body === undefined || raw ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'Cannot reach the server. Check your connection.');
  }
  const data = res.status === 204 ? null
    : blob && res.ok ? await res.blob() : await res.json().catch(() => null);
  return { res, data };
}

// What to say when an answer carries no error message of its own (e.g. a proxy's bare 413 or 429).
const STATUS_TEXT = {
  413: 'That is too large.',
  429: 'Too many attempts: wait a minute and try again.',
  502: 'The server is not reachable right now. Try again in a moment.',
  503: 'The server is busy right now. Try again in a moment.',
};

function failure(res, data) {
  const err = data?.error;
  return new ApiError(res.status, err?.code ?? `http_${res.status}`,
    err?.message ?? STATUS_TEXT[res.status] ?? `Request failed (HTTP ${res.status})`);
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
async function request(method, path, body, blob = false) {
  if (session?.expiresAt && session.expiresAt - Date.now() < EARLY_REFRESH_MS) {
    await refresh().catch(() => {}); // best effort: a real failure shows up as a 401 below
  }
  if (!session) throw new ApiError(401, 'unauthorized', 'Please sign in.');
  const token = session.accessToken;
  let { res, data } = await call(method, path, body, token, blob);
  if (res.status === 401) {
    await refresh(token); // throws, and signs out, when the session is gone
    ({ res, data } = await call(method, path, body, session.accessToken, blob));
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
async function anonymous(method, path, body) {
  const { res, data } = await call(method, path, body);
  if (!res.ok) throw failure(res, data);
  return data;
}

async function authenticate(path, body) {
  const { res, data } = await call('POST', path, body);
  if (!res.ok) throw failure(res, data);
  if (data.deviceToken && body.email) rememberDevice(body.email, data.deviceToken);
  return adopt(data);
}

/**
 * A password sign-in hands out a device token: proof that this browser signed in to that account before, which
 * lets it past the slow-down a password guesser on many addresses causes. Kept per address, never sent elsewhere.
 */
const DEVICE_TOKENS = 'parley.deviceTokens';

function deviceTokens() {
  try {
    return JSON.parse(localStorage.getItem(DEVICE_TOKENS)) ?? {};
  } catch {
    return {};
  }
}

function rememberDevice(email, token) {
  localStorage.setItem(DEVICE_TOKENS, JSON.stringify({ ...deviceTokens(), [email.toLowerCase()]: token }));
}

const enc = encodeURIComponent;
const room = (id) => `/rooms/${enc(id)}`;
const member = (id, user) => `${room(id)}/members/${enc(user)}`;
const ROOM_PATH = /^\/rooms\/[^/?]+/;

export const currentUser = () => session?.user ?? null;

/**
 * Keep the stored copy of me up to date (renamed, new picture), so a reload starts from it.
 * Only for the signed-in person; another id is ignored.
 */
export function rememberMe(user) {
  if (session?.user && user?.id === session.user.id) store({ ...session, user: { ...session.user, ...user } });
}

/**
 * The server refuses this session even with fresh tokens (e.g. a socket closed as unauthorized
 * right after a refresh): drop it here too, which fires onSignedOut.
 */
export function expireSession() {
  endSession();
}

/** fn() runs when the session ends by itself; an explicit logout() does not fire it. */
export function onSignedOut(fn) {
  signedOutListeners.add(fn);
}

/** fn(path) runs when a call about one room (/rooms/{id}/...) is answered 403 or 404. */
export function onRoomDenied(fn) {
  roomDeniedListeners.add(fn);
}

/** An answer { user } about me: stored as the session's user, and the user returned. */
function keepMe(answer) {
  const user = answer?.user;
  if (user) rememberMe(user);
  return user;
}

export const api = {
  register: (email, password, name) => authenticate('/auth/register', { email, password, name }),
  login: (email, password) => {
    const deviceToken = deviceTokens()[email.toLowerCase()];
    return authenticate('/auth/login', deviceToken ? { email, password, deviceToken } : { email, password });
  },

  /**
   * Sign out here at once; telling the server is best effort. tellServer: false when the server has
   * already ended the session (after "sign out everywhere"), where the call could only fail.
   */
  async logout({ tellServer = true } = {}) {
    const refreshToken = session?.refreshToken;
    store(null);
    if (refreshToken && tellServer) await call('POST', '/auth/logout', { refreshToken }).catch(() => {});
  },

  // ---- password reset by email (signed out) ----
  /** Asks for a reset link; the answer is the same whether or not the address has an account. */
  forgotPassword: (email) => anonymous('POST', '/auth/password-reset', { email }),
  /** Sets the new password with the token of the emailed link; every session of the account ends. */
  resetPassword: (token, password) => anonymous('POST', '/auth/password-reset/confirm', { token, password }),

  // ---- email verification (the link works signed in or out) ----
  /** Marks the address an emailed link was sent for as verified; once per link. */
  verifyEmail: (token) => anonymous('POST', '/auth/verify-email', { token }),
  /** Emails the signed-in person a new verification link (a few an hour). */
  requestEmailVerification: () => request('POST', '/auth/verify-email/request'),

  // ---- sign-in providers (OAuth2 / OIDC) ----
  /** { providers: [{ id, name, type }] }; works signed out. */
  providers: () => anonymous('GET', '/auth/providers'),
  /** The start of a provider sign-in: a page the browser navigates to (never fetched). */
  providerStartUrl: (id) => `${BASE}/auth/oauth/${enc(id)}/start`,
  /** Trade the one-time code the server put in /#/oauth/<code> for a session, like a login. */
  oauthExchange: (code) => authenticate('/auth/oauth/exchange', { code }),

  // ---- me: profile, picture, password, sessions ----
  me: () => request('GET', '/me').then(keepMe),
  /** changes: { name?, handle? } */
  updateMe: (changes) => request('PATCH', '/me', changes).then(keepMe),
  /** The picture file as the raw request body. */
  uploadAvatar: (file) => request('PUT', '/me/avatar', file).then(keepMe),

  // ---- files ----
  /** Uploads a file to a room (not sent yet): { file: { id, name, size, type, width?, height?, thumbnail } }. */
  uploadFile: (roomId, file) => {
    const form = new FormData();
    form.append('file', file, file.name || 'pasted');
    return request('POST', `${room(roomId)}/files`, form);
  },
  /** A file's bytes (or its thumbnail's) as a Blob, fetched with the session's token. */
  fileBlob: (id, thumbnail) => request('GET', `/files/${enc(id)}${thumbnail ? '/thumbnail' : ''}`, undefined, true),
  removeAvatar: () => request('DELETE', '/me/avatar').then(keepMe),
  changePassword: (currentPassword, newPassword) => request('POST', '/auth/password', { currentPassword, newPassword }),
  sessions: () => request('GET', '/sessions'),
  revokeSession: (id) => request('DELETE', `/sessions/${enc(id)}`),
  /** keepCurrent: "sign out other devices"; otherwise every session, this one included. */
  revokeAllSessions: (keepCurrent) => request('POST', '/sessions/revoke-all', keepCurrent ? { keepCurrent: true } : undefined),

  wsTicket: () => request('POST', '/ws-ticket'),
  /** All of the caller's rooms, following the pages the server hands out. */
  rooms: async () => {
    const rooms = [];
    let after = null;
    do {
      const page = await request('GET', after ? `/rooms?after=${encodeURIComponent(after)}` : '/rooms');
      rooms.push(...page.rooms);
      after = page.next;
    } while (after);
    return { rooms };
  },
  channels: () => request('GET', '/channels'),
  commands: () => request('GET', '/commands'),
  runCommand: (room, name, args) => request('POST', `/rooms/${enc(room)}/commands/${enc(name)}`, { args }),
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
  /** Someone's public profile: { user: { id, name, handle, avatarVersion } }. */
  user: (id) => request('GET', `/users/${enc(id)}`),
  /** The DM (one id) or group DM (several) with these people: 200 existing, 201 created. */
  openDm: (users, encrypted = false) => request('POST', '/dms', encrypted ? { users, encrypted: true } : { users }),
  // End-to-end encryption (e2ee/): its calls go through here for the token and its refresh.
  e2ee: (method, path, body) => request(method, path, body),

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

  // ---- editing, reactions, threads, mentions (features.js says whether the server has them) ----
  /** My own message, new text: { message }. */
  /** In an end-to-end encrypted room the edit is `ciphertext` (MLS), never text. */
  editMessage: (id, messageId, text, ciphertext) => request('PATCH', `${room(id)}/messages/${enc(messageId)}`,
    ciphertext ? { ciphertext } : { text }),
  /** One emoji; both idempotent. */
  react: (id, messageId, emoji) => request('PUT', `${room(id)}/messages/${enc(messageId)}/reactions/${enc(emoji)}`),
  unreact: (id, messageId, emoji) => request('DELETE', `${room(id)}/messages/${enc(messageId)}/reactions/${enc(emoji)}`),
  /** A thread's replies after a seq, oldest first: { messages, more }. */
  thread(id, messageId, { after, limit = 50 } = {}) {
    const q = new URLSearchParams({ limit });
    if (after != null) q.set('after', after);
    return request('GET', `${room(id)}/messages/${enc(messageId)}/thread?${q}`);
  },
  follow: (id, messageId) => request('PUT', `${room(id)}/messages/${enc(messageId)}/follow`),
  unfollow: (id, messageId) => request('DELETE', `${room(id)}/messages/${enc(messageId)}/follow`),
  /** Messages that mention me, newest first: { messages, more }. */
  mentions({ before, limit = 30 } = {}) {
    const q = new URLSearchParams({ limit });
    if (before != null) q.set('before', before);
    return request('GET', `/mentions?${q}`);
  },

  // ---- presence and read receipts ----
  /** Set myself away by hand (or let my devices decide) and my status text: my presence { status, text }. */
  setPresence: (away, text) => request('PUT', '/presence', { away, text }),
  /** In a DM or group DM, how far the others have read: { receipts: [{ user, seq }] }. */
  receipts: (id) => request('GET', `${room(id)}/receipts`),
  /** Whether I send read receipts: { enabled }. */
  readReceipts: () => request('GET', '/me/read-receipts'),
  setReadReceipts: (enabled) => request('PUT', '/me/read-receipts', { enabled }),
  // ---- search ----
  /** Messages matching q (words, "phrases", in:/from:/before:/after:/has:file): { results, next }. */
  search(q, { sort = 'recent', cursor, limit = 20 } = {}) {
    const query = new URLSearchParams({ q, sort, limit });
    if (cursor != null) query.set('cursor', cursor);
    return request('GET', `/search?${query}`);
  },

  // ---- notifications ----
  /** The VAPID key to subscribe with: { publicKey }. */
  pushKey: () => request('GET', '/push/key'),
  /** This device's PushSubscription (its toJSON()). */
  subscribePush: (subscription) => request('POST', '/push/subscriptions', subscription),
  unsubscribePush: (endpoint) => request('DELETE', '/push/subscriptions', { endpoint }),
  /** { email, doNotDisturb: { start, end, timeZone } | null } */
  notificationSettings: () => request('GET', '/me/notifications'),
  setNotificationSettings: (changes) => request('PUT', '/me/notifications', changes),
  /** { level: 'all' | 'mentions' | 'nothing', mutedUntil: epoch ms | null } */
  roomNotifications: (id) => request('GET', `${room(id)}/notifications`),
  setRoomNotifications: (id, changes) => request('PUT', `${room(id)}/notifications`, changes),

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
