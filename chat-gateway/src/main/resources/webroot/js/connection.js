// The one WebSocket to the server (protocol v1).
// - connects with a fresh single-use ticket each time, reconnects with exponential backoff + jitter;
// - remembers, per subscribed room, the last seq seen: resubscribes with `since` after a drop and
//   drops events it has already seen (dedupe by seq);
// - keeps sent-but-unacked messages and re-sends them with the SAME cid after a reconnect
//   (the server is idempotent on cid, so nothing is stored twice);
// - pings every heartbeat/2 and treats a silent socket as dead; while sends await their ack, pings
//   every 500 ms and gives up on a socket silent for 1 s (a node that hangs closes nothing);
// - on close 4001 (unauthorized: e.g. this session was signed out on another device) tries ONE
//   token refresh before reconnecting; a refused refresh signs out (api.js fires onSignedOut).
//
// Events (connection.on(type, fn)):
//   state      'offline' | 'connecting' | 'online'
//   hello      the server's hello frame (once per successful connect)
//   event      an evt frame, already deduped (personal ones, e.g. room.added, carry no room)
//   gap        { room, from, to }: events the server will not replay; fetch them over HTTP
//   ack        { cid, room, id, seq, ts, thread (the root id for a thread reply, else null) }
//   sendFailed { cid, room, code, msg }
//   error      any other err frame
//   unauthorized  the server closed the socket with 4001 (a refresh is being tried)
//   watching   the answer to watch(): { presence: [{ user, status, text }] } for those of the watched
//              people this person may see (after each reconnect too, as the watch is sent again)
//
// Ephemeral events (typing, presence, user.updated) carry no seq and never move the resume point.

import { api, refresh, expireSession, ApiError } from './api.js';
import { createEmitter, newId } from './dom.js';

const MIN_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;
const STABLE_AFTER_MS = 10_000; // a connection that lived this long resets the backoff
// While sends await their ack: ping this often, and give up on a socket whose ping went unanswered
// this long. A node that hangs (a stopped process, a machine gone from the network) closes nothing,
// so silence is the only sign; an ack normally takes tens of milliseconds, so most sends are acked
// before the first of these pings, and an idle client keeps to the heartbeat (docs/protocol.md).
const ACK_WATCH_MS = 500;
const ACK_SILENCE_MS = 1_000;

function socketUrl(ticket) {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/ws?ticket=${encodeURIComponent(ticket)}`;
}

class Connection {
  #events = createEmitter();
  #ws = null;
  #state = 'offline';
  #running = false;
  #epoch = 0;            // bumped by stop(): a connect still fetching its ticket then gives up
  #attempt = 0;          // reconnect attempts since the last stable connection
  #retryTimer = null;
  #pingTimer = null;
  #ackWatchTimer = null; // runs only while sends await their ack
  #heartbeatMs = 30_000;
  #pingSentAt = 0;       // when the oldest unanswered ping was sent; any frame counts as an answer
  #helloAt = 0;
  #authRetried = false;  // a 4001 has already been answered with a refresh, and no stable connection since
  #subs = new Map();     // room -> { since: last seq seen, or null for "live only" }
  #pending = new Map();  // cid -> { room, text, failed, error }
  #watched = null;       // the user ids last given to watch(), or null: re-sent after each hello
  #idle = null;          // the last activity state told, or null: re-sent after each hello
  #looking;              // the room last said to be on screen (null: none), undefined until told

  constructor() {
    // The browser knows when the network comes back: don't wait out the backoff.
    addEventListener('online', () => {
      if (this.#running && this.#retryTimer) { this.#attempt = 0; this.#connect(); }
    });
    addEventListener('offline', () => this.#drop());
  }

  on(type, fn) { return this.#events.on(type, fn); }
  get state() { return this.#state; }

  start() {
    if (this.#running) return;
    this.#running = true;
    this.#attempt = 0;
    this.#connect();
  }

  /** Sign-out: close, forget subscriptions and unsent messages. */
  stop() {
    this.#running = false;
    this.#authRetried = false;
    this.#epoch++;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#drop();
    this.#subs.clear();
    this.#pending.clear();
    this.#watched = null;
    this.#idle = null;
    this.#setState('offline');
  }

  /**
   * Follow a room from `since` (the last seq the caller has; omit for live only).
   * A room already followed is left as it is: its own last-seen seq is at least as good.
   */
  subscribe(room, since) {
    if (this.#subs.has(room)) return;
    this.#subs.set(room, { since: Number.isFinite(since) ? since : null });
    this.#sendSub(room);
  }

  /**
   * Stop following a room and drop its unsent messages: for a room I left or was removed from,
   * where resubscribing or resending after a reconnect would only earn errors.
   */
  forget(room) {
    for (const [cid, p] of this.#pending) if (p.room === room) this.#pending.delete(cid);
    if (this.#subs.delete(room)) this.#write({ op: 'unsub', room });
  }

  /**
   * Queue a message; it goes out now if online, or on the next connect. Returns its cid.
   * extra: optional fields of the send frame, e.g. { thread: rootId, alsoInChannel: true }.
   */
  send(room, text, extra = {}) {
    const cid = newId();
    this.#pending.set(cid, { room, text, extra, failed: false, error: null });
    this.#write(sendFrame(room, cid, text, extra));
    this.#watchAcks();
    return cid;
  }

  /** Try a failed message again, same cid. */
  retry(cid) {
    const p = this.#pending.get(cid);
    if (!p) return;
    p.failed = false;
    p.error = null;
    this.#write(sendFrame(p.room, cid, p.text, p.extra));
    this.#watchAcks();
  }

  /** Give up on a failed message. */
  discard(cid) { this.#pending.delete(cid); }

  /** Unacked messages of a room, oldest first, e.g. to show them again when the room is reopened. */
  pendingIn(room) {
    return [...this.#pending].filter(([, p]) => p.room === room).map(([cid, p]) => ({ cid, ...p }));
  }

  /** Typing notices are ephemeral: dropped when offline. */
  typing(room) { this.#write({ op: 'typing', room }); }

  /**
   * Follow these people's presence (at most 200 ids; the list replaces the previous one). The
   * server answers with `watching`, then sends `presence` events. Remembered: a new connection
   * knows nothing of the old one's watch, so it is sent again after each hello.
   */
  watch(users) {
    this.#watched = [...users];
    this.#write({ op: 'watch', users: this.#watched, ref: 'watch' });
  }

  /** Whether this device is idle (unused for a while); remembered and told again after each hello. */
  activity(idle) {
    this.#idle = Boolean(idle);
    this.#write({ op: 'activity', idle: this.#idle });
  }

  /**
   * The room this device shows, visible on screen, or null (hidden, minimised, no room): nobody is
   * notified of what they are looking at. Remembered and told again after each hello.
   */
  looking(room) {
    if (this.#looking === room) return;
    this.#looking = room;
    this.#write({ op: 'looking', room });
  }

  // ---- connecting -------------------------------------------------------------------------

  async #connect() {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    if (!this.#running || this.#ws) return;
    const epoch = this.#epoch;
    this.#setState('connecting');
    let ticket;
    try {
      ({ ticket } = await api.wsTicket()); // refreshes the access token itself when needed
    } catch (e) {
      // A refused session has already fired onSignedOut (which calls stop()); otherwise retry.
      if (!(e instanceof ApiError) || e.status !== 401) console.warn('ws ticket failed:', e.message);
      if (epoch === this.#epoch) this.#scheduleReconnect();
      return;
    }
    if (!this.#running || this.#ws || epoch !== this.#epoch) return;
    let ws;
    try {
      ws = new WebSocket(socketUrl(ticket));
    } catch (e) {
      console.error('cannot open WebSocket', e);
      this.#scheduleReconnect();
      return;
    }
    this.#ws = ws;
    ws.onmessage = (e) => this.#onFrame(e.data);
    ws.onclose = (e) => this.#onClose(ws, e.code);
    // onerror is always followed by onclose, which does the work.
  }

  #scheduleReconnect() {
    if (!this.#running) return;
    this.#setState('offline');
    // Exponential backoff with "equal jitter": half fixed, half random, so that a server restart
    // does not bring every client back in the same instant.
    const base = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** this.#attempt++);
    const delay = base / 2 + Math.random() * (base / 2);
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => this.#connect(), delay);
  }

  #onClose(ws, code) {
    if (ws !== this.#ws) return; // an old socket
    this.#ws = null;
    clearInterval(this.#pingTimer);
    clearInterval(this.#ackWatchTimer);
    this.#ackWatchTimer = null;
    if (!this.#running) return;
    if (this.#helloAt && Date.now() - this.#helloAt > STABLE_AFTER_MS) {
      this.#attempt = 0;
      this.#authRetried = false;
    }
    this.#helloAt = 0;
    if (code === 4001) {
      this.#setState('offline');
      this.#events.emit('unauthorized');
      if (this.#authRetried) {
        // Refused again straight after fresh tokens: the session is over, not merely expired.
        expireSession();
        return;
      }
      // New tokens first. If the refresh token is refused (401), onSignedOut stops us.
      this.#authRetried = true;
      refresh().catch(() => {}).finally(() => this.#scheduleReconnect());
      return;
    }
    this.#scheduleReconnect(); // 1012 restart, 1013 try later, network loss, anything else
  }

  /** Give up on the current socket now (dead heartbeat, browser offline) without waiting for close. */
  #drop() {
    const ws = this.#ws;
    if (!ws) return;
    ws.onmessage = ws.onclose = null;
    try { ws.close(); } catch { /* already closed */ }
    this.#onClose(ws, 1006);
  }

  #setState(state) {
    if (state === this.#state) return;
    this.#state = state;
    this.#events.emit('state', state);
  }

  #write(frame) {
    if (this.#state !== 'online' || this.#ws?.readyState !== WebSocket.OPEN) return false;
    this.#ws.send(JSON.stringify(frame));
    return true;
  }

  #sendSub(room) {
    const { since } = this.#subs.get(room);
    // ref lets us tell which subscription an err frame is about.
    const frame = { op: 'sub', room, ref: `sub:${room}` };
    if (since != null) frame.since = since;
    this.#write(frame);
  }

  // ---- frames -----------------------------------------------------------------------------

  #onFrame(raw) {
    this.#pingSentAt = 0;
    let f;
    try { f = JSON.parse(raw); } catch { console.warn('ignoring a frame that is not JSON'); return; }
    switch (f.op) {
      case 'hello': this.#onHello(f); break;
      case 'evt': this.#onEvent(f); break;
      case 'subbed': this.#onSubbed(f); break;
      case 'gap': this.#onGap(f); break;
      case 'ack': this.#onAck(f); break;
      case 'err': this.#onError(f); break;
      case 'watching': this.#events.emit('watching', { presence: Array.isArray(f.presence) ? f.presence : [] }); break;
      default: break; // pong, unsubbed, and ops newer than this client
    }
  }

  #onHello(f) {
    this.#heartbeatMs = (Number(f.heartbeat) || 30) * 1000;
    this.#helloAt = Date.now();
    this.#pingSentAt = 0;
    clearInterval(this.#pingTimer);
    this.#pingTimer = setInterval(() => this.#heartbeat(), this.#heartbeatMs / 2);
    this.#setState('online');
    this.#events.emit('hello', f);
    // Resume every room from the last seq seen, then re-send what was never acked.
    for (const room of this.#subs.keys()) this.#sendSub(room);
    for (const [cid, p] of this.#pending) {
      if (!p.failed) this.#write(sendFrame(p.room, cid, p.text, p.extra));
    }
    // Presence lives with the connection on the server: a new one starts watching nobody, and active.
    if (this.#idle != null) this.#write({ op: 'activity', idle: this.#idle });
    if (this.#watched) this.#write({ op: 'watch', users: this.#watched, ref: 'watch' });
    if (this.#looking !== undefined) this.#write({ op: 'looking', room: this.#looking });
    this.#watchAcks();
  }

  /**
   * Ping, and give up on a socket whose ping went unanswered for a whole heartbeat. Measured from
   * the unanswered ping, not from the last frame: timers in background tabs can be throttled to
   * once a minute, and a quiet but healthy socket must not look dead because of that.
   */
  #heartbeat() {
    if (this.#pingSentAt && Date.now() - this.#pingSentAt > this.#heartbeatMs) {
      this.#drop();
      return;
    }
    if (this.#write({ op: 'ping' }) && !this.#pingSentAt) this.#pingSentAt = Date.now();
  }

  /** Starts watching the socket closely if sends await their ack and it is not watched yet. */
  #watchAcks() {
    if (!this.#ackWatchTimer && this.#ws && this.#awaitingAcks()) {
      this.#ackWatchTimer = setInterval(() => this.#watchAck(), ACK_WATCH_MS);
    }
  }

  /** Pings while sends await their ack; a socket silent for ACK_SILENCE_MS after a ping is dropped. */
  #watchAck() {
    if (!this.#awaitingAcks()) {
      clearInterval(this.#ackWatchTimer);
      this.#ackWatchTimer = null;
      return;
    }
    if (this.#pingSentAt && Date.now() - this.#pingSentAt > ACK_SILENCE_MS) {
      this.#drop();
      return;
    }
    if (!this.#pingSentAt && this.#write({ op: 'ping' })) this.#pingSentAt = Date.now();
  }

  #awaitingAcks() {
    for (const p of this.#pending.values()) if (!p.failed) return true;
    return false;
  }

  #onEvent(f) {
    const sub = this.#subs.get(f.room);
    if (sub && Number.isFinite(f.seq)) {
      if (sub.since != null && f.seq <= sub.since) return; // seen already (replay overlap)
      sub.since = f.seq;
    }
    this.#events.emit('event', f);
  }

  #onSubbed(f) {
    const sub = this.#subs.get(f.room);
    // A live-only subscription starts at the room's latest seq: resume from there next time.
    if (sub && sub.since == null && Number.isFinite(f.seq)) sub.since = f.seq;
  }

  #onGap(f) {
    const sub = this.#subs.get(f.room);
    if (sub && Number.isFinite(f.to)) sub.since = Math.max(sub.since ?? f.to, f.to);
    this.#events.emit('gap', { room: f.room, from: f.from, to: f.to });
  }

  #onAck(f) {
    const p = this.#pending.get(f.cid);
    if (!p) return; // a duplicate ack after a resend
    this.#pending.delete(f.cid);
    this.#events.emit('ack', { cid: f.cid, room: p.room, id: f.id, seq: f.seq, ts: f.ts, thread: p.extra?.thread ?? null });
  }

  #onError(f) {
    const p = f.cid != null ? this.#pending.get(f.cid) : null;
    if (p) {
      p.failed = true;
      p.error = f.msg || f.code;
      this.#events.emit('sendFailed', { cid: f.cid, room: p.room, code: f.code, msg: f.msg });
      return;
    }
    if (typeof f.ref === 'string' && f.ref.startsWith('sub:')) {
      this.#subs.delete(f.ref.slice(4)); // not allowed in that room (any more): stop resuming it
    }
    this.#events.emit('error', f);
  }
}

/** A `send` frame; an end-to-end encrypted message carries its ciphertext, never its text. */
function sendFrame(room, cid, text, extra) {
  return extra?.ciphertext ? { ...extra, op: 'send', room, cid } : { ...extra, op: 'send', room, cid, text };
}

export const connection = new Connection();
