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
  if (!res.ok) throw failure(res, data);
  return data;
}

async function authenticate(path, body) {
  const { res, data } = await call('POST', path, body);
  if (!res.ok) throw failure(res, data);
  return adopt(data);
}

const room = (id) => `/rooms/${encodeURIComponent(id)}`;

export const currentUser = () => session?.user ?? null;

/** fn() runs when the session ends by itself; an explicit logout() does not fire it. */
export function onSignedOut(fn) {
  signedOutListeners.add(fn);
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
};
