// People as the client shows them: public profiles (name, handle, picture version) cached in memory
// per user id, and the pictures and names drawn from them.
//
// Views never re-render for a profile change. Every element showing a person is marked instead:
// pictures with data-avatar-of (+ data-avatar-size), names with data-name-of. When a profile is
// learnt or changes (a lookup answer, a user.updated event, my own edits) those elements are
// patched wherever they are: message list, member list, header, profile dialog.
//
// Picture URLs are built only from an id and a version the server gave, and set through img.src.

import { api } from './api.js';

const MAX_IN_FLIGHT = 4; // lookups at once: opening a busy room must not fire a request per sender at once
const SIZES = new Set([64, 256]);

const cache = new Map();    // id -> { id, name, handle, avatarVersion }
const failed = new Set();   // ids whose lookup failed: shown with the generated picture (version 0)
const queue = [];           // ids waiting for a lookup
const waiting = new Set();  // ids queued or in flight
const listeners = new Set();
let inFlight = 0;
let gen = 0;                // bumped by clear(): answers for a previous sign-in are dropped

/** A version as the URL takes it: a non-negative integer, 0 when the server sent none. */
function version(v) {
  const n = Number(v);
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}

/** /api/v1/users/{id}/avatar?size=64&v=3; no auth needed, everyone has one (generated or uploaded). */
export function avatarUrl(id, avatarVersion, size = 64) {
  const q = new URLSearchParams({ size: SIZES.has(size) ? size : 64, v: version(avatarVersion) });
  return `/api/v1/users/${encodeURIComponent(id)}/avatar?${q}`;
}

/** The cached public profile of a person, or undefined. */
export const profileOf = (id) => cache.get(id);

/** The best name known for a person: the cached profile's, else `fallback` (e.g. the name on a message). */
export function nameOf(id, fallback) {
  return cache.get(id)?.name || fallback || 'Unknown';
}

/** fn(profile, changes) after a person's profile was learnt or changed. Returns an unsubscribe. */
export function onProfileChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/**
 * An <img> showing someone's picture at `size` (64 in lists, 256 on the profile page).
 * Until their picture version is known it has no src (the CSS draws a blank disc) and a lookup is
 * queued; it is painted when the answer comes.
 */
export function avatarImg(id, size = 64, props = {}) {
  const img = document.createElement('img');
  img.alt = '';         // decorative: the name is always next to it
  img.decoding = 'async';
  img.className = props.class ? `avatar ${props.class}` : 'avatar';
  for (const [key, value] of Object.entries(props)) {
    if (key !== 'class' && value != null) img.setAttribute(key, String(value));
  }
  bindAvatar(img, id, size);
  return img;
}

/** Make an existing <img> (e.g. in index.html) show this person's picture, and follow changes. */
export function bindAvatar(img, id, size = 64) {
  if (!id) {
    delete img.dataset.avatarOf;
    img.removeAttribute('src');
    return img;
  }
  img.dataset.avatarOf = id;
  img.dataset.avatarSize = String(size);
  paintAvatar(img);
  return img;
}

/** A <span> with this person's best known name, kept up to date. */
export function nameSpan(id, fallback, props = {}) {
  const span = document.createElement('span');
  for (const [key, value] of Object.entries(props)) {
    if (value == null) continue;
    if (key === 'class') span.className = value;
    else span.setAttribute(key, String(value));
  }
  if (id) span.dataset.nameOf = id;
  span.textContent = nameOf(id, fallback);
  paintName(span);
  if (id && !cache.has(id)) want(id);
  return span;
}

/**
 * What the server says about someone: a lookup answer, a user.updated event, my own profile.
 * Missing fields leave what is known. Returns the fields that changed ({} when nothing did).
 */
export function learn(user) {
  const id = user?.id;
  if (!id) return {};
  const known = cache.get(id);
  const next = {
    id,
    name: user.name ?? known?.name ?? null,
    handle: user.handle !== undefined ? user.handle : known?.handle ?? null,
    avatarVersion: user.avatarVersion != null ? version(user.avatarVersion) : known?.avatarVersion ?? 0,
  };
  const changes = {};
  for (const key of ['name', 'handle', 'avatarVersion']) {
    if (!known || known[key] !== next[key]) changes[key] = next[key];
  }
  failed.delete(id);
  if (known && !Object.keys(changes).length) return {};
  cache.set(id, next);
  patch(id);
  for (const fn of listeners) {
    try { fn(next, changes, known); } catch (e) { console.error('profile listener failed', e); }
  }
  return changes;
}

/**
 * After a reconnect: user.updated events are ephemeral, so some may have been missed. Look up again
 * the people on screen, and forget the rest (they are looked up when next shown).
 */
export function refreshShown() {
  const shown = new Set();
  for (const el of document.querySelectorAll('[data-avatar-of], [data-name-of]')) {
    shown.add(el.dataset.avatarOf ?? el.dataset.nameOf);
  }
  for (const id of [...cache.keys()]) if (!shown.has(id)) cache.delete(id);
  failed.clear();
  for (const id of shown) want(id, true);
}

/** Sign-out: forget everyone. */
export function clear() {
  gen++;
  cache.clear();
  failed.clear();
  queue.length = 0;
  waiting.clear();
  inFlight = 0;
}

// ---- painting ---------------------------------------------------------------------------------

function setSrc(img, url) {
  if (img.getAttribute('src') !== url) img.src = url;
}

function paintAvatar(img) {
  const id = img.dataset.avatarOf;
  const size = Number(img.dataset.avatarSize) || 64;
  const profile = cache.get(id);
  if (profile) setSrc(img, avatarUrl(id, profile.avatarVersion, size));
  else if (failed.has(id)) setSrc(img, avatarUrl(id, 0, size)); // at least the generated picture
  else { img.removeAttribute('src'); want(id); }
}

function paintName(el) {
  const profile = cache.get(el.dataset.nameOf);
  if (!profile) return;
  if (profile.name) el.textContent = profile.name;
  if (profile.handle) el.title = `@${profile.handle}`;
  else el.removeAttribute('title');
}

/** Repaint every element showing this person. */
function patch(id) {
  const key = CSS.escape(id);
  for (const img of document.querySelectorAll(`img[data-avatar-of="${key}"]`)) paintAvatar(img);
  for (const el of document.querySelectorAll(`[data-name-of="${key}"]`)) paintName(el);
}

// ---- lookups ----------------------------------------------------------------------------------

/** Queue a lookup of someone's profile; force: even when it is cached. */
function want(id, force = false) {
  if (!id || waiting.has(id) || (!force && (cache.has(id) || failed.has(id)))) return;
  waiting.add(id);
  queue.push(id);
  pump();
}

function pump() {
  while (inFlight < MAX_IN_FLIGHT && queue.length) {
    const id = queue.shift();
    const g = gen;
    inFlight++;
    api.user(id)
      .then((answer) => {
        if (g !== gen) return;
        if (answer?.user) learn({ ...answer.user, id });
        else fail(id);
      })
      .catch((e) => {
        // 401: the session is gone and onSignedOut takes it from here; anything else (404 for someone
        // deleted, no network): show the generated picture and the name we already have.
        if (g === gen && e.status !== 401) fail(id);
      })
      .finally(() => {
        if (g !== gen) return;
        inFlight--;
        waiting.delete(id);
        pump();
      });
  }
}

function fail(id) {
  if (cache.has(id)) return; // a refresh failed: keep what we knew
  failed.add(id);
  patch(id);
}
