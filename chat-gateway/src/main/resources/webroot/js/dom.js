// Small DOM and UI helpers shared by the feature modules.
// Rule: anything that came from a user or the server becomes a text node. No innerHTML anywhere.

export const $ = (selector, root = document) => root.querySelector(selector);

/**
 * h('li', { class: 'msg', 'data-seq': 4, onclick: fn }, 'text', childNode, [more])
 * Strings and numbers become text nodes; null/false children and attributes are skipped.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

const pad = (n) => String(n).padStart(2, '0');

/** Epoch ms -> "HH:MM" in local time; '' when the server sent no time. */
export function formatTime(ts) {
  if (ts == null) return '';
  const d = new Date(ts);
  return Number.isNaN(d.getTime()) ? '' : `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * A server time as epoch ms: accepts epoch ms, epoch seconds (numbers too small to be ms) or an
 * ISO-8601 string, since not every endpoint is guaranteed to use the same form. NaN when unknown.
 */
export function toMillis(value) {
  if (value == null || value === '') return NaN;
  if (typeof value === 'number') return value < 1e11 ? value * 1000 : value;
  if (/^\d+$/.test(String(value))) return toMillis(Number(value));
  return Date.parse(value);
}

/** Epoch ms (or anything toMillis takes) -> "12 Mar, 14:05" in local time; '' when unknown. */
export function formatDateTime(value) {
  const ms = toMillis(value);
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms);
  return `${d.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}, ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * How long ago, in words: "just now", "5 minutes ago", "yesterday", "3 days ago"; past a month the
 * date itself. A time slightly in the future (clocks differ) is "just now". '' when unknown.
 */
export function timeAgo(value, now = Date.now()) {
  const ms = toMillis(value);
  if (!Number.isFinite(ms)) return '';
  const minutes = Math.floor((now - ms) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.floor(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 30) return `${days} days ago`;
  return formatDateTime(ms);
}

/**
 * Run a user action started from a button: the button is disabled while it runs, and a failure
 * becomes a toast with the server's message ("<what>: <message>"). Put the success handling inside
 * fn; resolves to true when fn succeeded, false when it failed (already reported).
 */
export async function act(button, fn, what) {
  if (button) button.disabled = true;
  try {
    await fn();
    return true;
  } catch (e) {
    toast(what ? `${what}: ${e.message}` : e.message);
    return false;
  } finally {
    if (button) button.disabled = false;
  }
}

/** fn, called once things have been quiet for `ms` (e.g. search as you type). */
export function debounce(fn, ms) {
  let timer = null;
  const run = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  run.cancel = () => clearTimeout(timer);
  return run;
}

/** A short message in the corner that goes away by itself. */
export function toast(message, kind = 'error') {
  const box = $('#toasts');
  if (!box) return;
  const el = h('div', { class: `toast toast-${kind}`, 'data-testid': 'toast', role: kind === 'error' ? 'alert' : 'status' },
    message);
  box.append(el);
  setTimeout(() => el.remove(), 6000);
}

/** A minimal event emitter: on(type, fn) returns a function that removes the listener. */
export function createEmitter() {
  const listeners = new Map();
  return {
    on(type, fn) {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type).add(fn);
      return () => listeners.get(type).delete(fn);
    },
    emit(type, detail) {
      for (const fn of listeners.get(type) ?? []) {
        try { fn(detail); } catch (e) { console.error(`listener for "${type}" failed`, e); }
      }
    },
  };
}

/**
 * A random UUID. crypto.randomUUID() exists only in secure contexts (https, localhost),
 * but a self-hosted server is often opened over plain http on a LAN address.
 */
export function newId() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40; // version 4
  b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
