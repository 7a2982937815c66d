// One message as the lists show it (the room's list and the thread pane): the sender's picture,
// name and time, "(edited)", and the text rendered from Markdown (markdown.js: DOM from tokens,
// never HTML). Also the day separators' words.

import { h, formatTime } from './dom.js';
import { renderText } from './markdown.js';
import { avatarImg, nameSpan } from './users.js';
import { fileList } from './files.js';

const DAY_MS = 86_400_000;

/** A stored message (or, without id and seq, a pending one) as a list item. me: the signed-in user. */
export function messageItem(m, me, props = {}) {
  const own = m.sender != null && m.sender === me?.id;
  const ts = Number.isFinite(m.ts) ? m.ts : null;
  const el = h('li', {
    class: own ? 'msg own' : 'msg', 'data-testid': 'message', 'data-state': 'sent',
    'data-seq': m.seq, 'data-id': m.id, 'data-sender': m.sender, 'data-ts': ts, ...props,
  },
  avatarImg(m.sender, 64, { class: 'msg-avatar', 'data-testid': 'message-avatar' }),
  h('div', { class: 'msg-body' },
    h('div', { class: 'msg-meta' },
      nameSpan(m.sender, m.senderName || (own ? me?.name : null), { class: 'msg-sender', 'data-testid': 'message-sender' }),
      ts != null && h('time', { class: 'msg-time', datetime: new Date(ts).toISOString(), title: new Date(ts).toLocaleString() },
        formatTime(ts))),
    h('div', { class: 'msg-text', 'data-testid': 'message-text' })));
  setText(el, m.text, me);
  if (m.files?.length && !m.deleted) el.querySelector('.msg-text').after(fileList(m.files));
  if (m.mentions?.includes?.(me?.id) || (m.mentionsChannel && !own)) el.classList.add('mentions-me');
  const editedAt = m.editedAt ?? m.editedTs;
  if (editedAt != null) markEdited(el, editedAt);
  return el;
}

/** Show new text in a message item (first render or after an edit). */
export function setText(el, text, me) {
  el.querySelector('.msg-text').replaceChildren(renderText(text ?? '', { myHandle: me?.handle }));
}

/** "(edited)" next to the time, with when as its tooltip. */
export function markEdited(el, editedAt) {
  el.classList.add('edited');
  let label = el.querySelector('.msg-edited');
  if (!label) {
    label = h('span', { class: 'msg-edited', 'data-testid': 'message-edited' }, '(edited)');
    (el.querySelector('.msg-time') ?? el.querySelector('.msg-sender'))?.after(label);
  }
  const ms = Number(editedAt);
  if (Number.isFinite(ms) && ms > 0) label.title = `Edited ${new Date(ms).toLocaleString()}`;
}

/** The local calendar day of a time, as "YYYY-MM-DD". */
export function dayKey(ts) {
  const d = new Date(ts);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "Today", "Yesterday", "Monday 30 November" or, in another year, "30 November 2025". */
export function dayLabel(ts, now = Date.now()) {
  const key = dayKey(ts);
  if (key === dayKey(now)) return 'Today';
  if (key === dayKey(now - DAY_MS)) return 'Yesterday';
  const d = new Date(ts);
  const sameYear = d.getFullYear() === new Date(now).getFullYear();
  return d.toLocaleDateString(undefined, sameYear
    ? { weekday: 'long', day: 'numeric', month: 'long' }
    : { day: 'numeric', month: 'long', year: 'numeric' });
}

/** A day separator for the day of `ts`. */
export function dayItem(ts) {
  return h('li', { class: 'day', 'data-testid': 'day-separator', 'data-day': dayKey(ts), role: 'separator' },
    h('span', {}, dayLabel(ts)));
}
