// Reactions on a message: the chips under it ("👍 3", pressed when one of them is mine) and a small
// picker of common emoji. The server keeps the truth (PUT/DELETE .../reactions/{emoji}, events
// reaction.added / reaction.removed); this keeps each shown message's counts.

import { h } from './dom.js';

export const COMMON_EMOJI = ['👍', '👎', '😄', '🎉', '❤️', '🙏', '👀', '🚀', '😂', '😮', '😢', '✅', '🔥', '💯', '🤔', '👏'];

/** emoji -> { count, me } for one message, in the order first seen. */
export function reactionMap(list) {
  const map = new Map();
  for (const r of Array.isArray(list) ? list : []) {
    if (r?.emoji && Number(r.count) > 0) map.set(r.emoji, { count: Number(r.count), me: Boolean(r.me) });
  }
  return map;
}

/**
 * Apply one change: added (true) or removed by `mine` (me or not). Returns false when it changes
 * nothing (my own reaction already counted, e.g. the event of a change shown at once).
 */
export function applyReaction(map, emoji, added, mine) {
  const r = map.get(emoji) ?? { count: 0, me: false };
  if (mine && r.me === added) return false;
  r.count = Math.max(0, r.count + (added ? 1 : -1));
  if (mine) r.me = added;
  if (r.count === 0) map.delete(emoji);
  else map.set(emoji, r);
  return true;
}

/** Fill a message's chip row. onToggle(emoji, on): the person clicked a chip. */
export function renderChips(row, map, onToggle) {
  row.replaceChildren(...[...map].map(([emoji, { count, me }]) => h('button', {
    type: 'button', class: me ? 'reaction mine' : 'reaction', 'data-testid': 'reaction', 'data-emoji': emoji,
    'aria-pressed': String(me), title: me ? 'Remove your reaction' : 'React with this too',
    onclick: () => onToggle(emoji, !me),
  }, h('span', { class: 'emoji' }, emoji), h('span', { class: 'reaction-count', 'data-testid': 'reaction-count' }, count))));
  row.hidden = map.size === 0;
}

let openPicker = null; // { el, close }

/** Show the picker under `anchor` (a button); onPick(emoji) when one is chosen. Toggles. */
export function togglePicker(anchor, onPick) {
  if (openPicker?.anchor === anchor) { openPicker.close(); return; }
  openPicker?.close();
  const picker = h('div', { class: 'picker', 'data-testid': 'reaction-picker', role: 'menu', 'aria-label': 'React' },
    COMMON_EMOJI.map((emoji) => h('button', {
      type: 'button', class: 'picker-emoji', role: 'menuitem', 'data-testid': 'reaction-option', 'data-emoji': emoji,
      onclick: () => { close(); onPick(emoji); },
    }, emoji)));
  const onDown = (e) => { if (!picker.contains(e.target) && e.target !== anchor) close(); };
  const onKey = (e) => { if (e.key === 'Escape') { close(); anchor.focus(); } };
  function close() {
    picker.remove();
    document.removeEventListener('pointerdown', onDown, true);
    document.removeEventListener('keydown', onKey, true);
    anchor.setAttribute('aria-expanded', 'false');
    if (openPicker?.el === picker) openPicker = null;
  }
  anchor.closest('.msg-body')?.append(picker);
  anchor.setAttribute('aria-expanded', 'true');
  document.addEventListener('pointerdown', onDown, true);
  document.addEventListener('keydown', onKey, true);
  openPicker = { el: picker, anchor, close };
  picker.querySelector('button')?.focus();
}

/** Close the picker, if one is open (e.g. the room changes). */
export function closePicker() { openPicker?.close(); }
