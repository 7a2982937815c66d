// Message search (GET /api/v1/search): the box in the header takes words, "phrases" and filters
// typed as text (in:#room from:@someone before:/after:YYYY-MM-DD has:file); the results dialog
// offers the same filters as controls, newest or best first, a page at a time. Each result shows its
// room, author, time and a snippet whose matches are <mark> nodes built from the server's ranges
// over plain text: nothing in a message can become markup. Clicking one opens its room at it.
// Offered only when the server has the call (features.js).

import { api } from './api.js';
import { $, h, formatDateTime } from './dom.js';
import { has } from './features.js';

/** Plain text with [start, end) ranges marked: text nodes and <mark>s, never HTML. */
export function markedText(text, highlights = []) {
  const parts = [];
  let at = 0;
  for (const [start, end] of highlights) {
    if (start < at || end <= start || end > text.length) continue; // out of order or out of range: ignore
    if (start > at) parts.push(text.slice(at, start));
    parts.push(h('mark', { 'data-testid': 'search-match' }, text.slice(start, end)));
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

export class SearchDialog {
  #form = $('#search-form');
  #input = $('#search-input');
  #dialog = $('#search-dialog');
  #list = $('#search-results');
  #more = $('#search-more');
  #status = $('#search-status');
  #filters = {
    room: $('#search-room'), from: $('#search-from'), after: $('#search-after'), before: $('#search-before'),
    hasFile: $('#search-has-file'), sort: $('#search-sort'),
  };
  #cursor = null;
  #gen = 0;
  #rooms;
  #onOpenResult;

  /** rooms() -> [{ id, label }] to pick a room from; onOpenResult(hit): show that message in its room. */
  constructor({ rooms, onOpenResult }) {
    this.#rooms = rooms;
    this.#onOpenResult = onOpenResult;
    this.#form.addEventListener('submit', (e) => { e.preventDefault(); this.open(); });
    $('#search-close').addEventListener('click', () => this.close());
    $('#search-filters').addEventListener('submit', (e) => { e.preventDefault(); this.#search(); });
    for (const control of Object.values(this.#filters)) control.addEventListener('change', () => this.#search());
    this.#more.addEventListener('click', () => this.#load());
  }

  /** Show the box when the server has search. */
  update() { this.#form.hidden = !has('search'); }

  /** Search for what the box holds, in the results dialog. */
  open() {
    if (!this.#input.value.trim() && !this.#anyFilter()) return;
    this.#fillRooms();
    if (!this.#dialog.open) this.#dialog.showModal();
    this.#search();
  }

  close() { if (this.#dialog.open) this.#dialog.close(); }

  /** The query: the box's text, then the dialog's filters written the same way. */
  query() {
    const f = this.#filters;
    const parts = [this.#input.value.trim()];
    if (f.room.value) parts.push(`in:${f.room.value}`);
    const from = f.from.value.trim().replace(/^@/, '');
    if (from) parts.push(`from:@${from}`);
    if (f.after.value) parts.push(`after:${f.after.value}`);
    if (f.before.value) parts.push(`before:${f.before.value}`);
    if (f.hasFile.checked) parts.push('has:file');
    return parts.filter(Boolean).join(' ');
  }

  #anyFilter() {
    const f = this.#filters;
    return Boolean(f.room.value || f.from.value.trim() || f.after.value || f.before.value || f.hasFile.checked);
  }

  #fillRooms() {
    const chosen = this.#filters.room.value;
    this.#filters.room.replaceChildren(h('option', { value: '' }, 'All rooms'),
      ...this.#rooms().map((room) => h('option', { value: room.id, selected: room.id === chosen }, room.label)));
  }

  #search() {
    this.#gen++;
    this.#cursor = null;
    this.#list.replaceChildren();
    this.#status.textContent = 'Searching…';
    this.#load(true);
  }

  async #load(first = false) {
    const gen = this.#gen;
    const q = this.query();
    if (!q) {
      this.#status.textContent = 'Type something to look for, or choose a filter.';
      this.#more.hidden = true;
      return;
    }
    this.#more.disabled = true;
    try {
      const page = await api.search(q, { sort: this.#filters.sort.value, cursor: this.#cursor ?? undefined });
      if (gen !== this.#gen) return;
      this.#list.append(...page.results.map((hit) => this.#item(hit)));
      if (first) {
        this.#status.textContent = page.results.length ? '' : 'No messages found.';
      }
      this.#cursor = page.next ?? null;
      this.#more.hidden = !page.next;
    } catch (e) {
      if (gen === this.#gen) this.#status.textContent = e.message;
    } finally {
      this.#more.disabled = false;
    }
  }

  #item(hit) {
    const m = hit.message;
    const room = hit.roomKind === 'channel' || hit.roomKind === 'private' ? `#${hit.roomName}` : hit.roomName;
    const { text, highlights, cutStart, cutEnd } = hit.snippet;
    return h('li', { class: 'search-item', 'data-testid': 'search-result', 'data-id': m.id, 'data-room-id': m.room },
      h('button', {
        type: 'button', class: 'search-open', 'data-testid': 'search-open',
        onclick: () => { this.close(); this.#onOpenResult(hit); },
      },
      h('span', { class: 'search-meta' },
        h('span', { class: 'search-room', 'data-testid': 'search-room' }, room),
        ' · ', h('span', { class: 'search-sender', 'data-testid': 'search-sender' }, m.senderName ?? ''),
        m.ts != null && ` · ${formatDateTime(m.ts)}`),
      h('span', { class: 'search-snippet', 'data-testid': 'search-snippet' },
        cutStart && '…', ...markedText(text, highlights), cutEnd && '…')));
  }
}
