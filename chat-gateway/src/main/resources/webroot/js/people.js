// Search people as you type: an input and a result list, used by "New message" and by "Add a
// member". GET /users?q= never returns me; callers can hide more (already picked, already members).
// An empty query lists the first people of the workspace, so a small team can just click.

import { api } from './api.js';
import { h, debounce, toast } from './dom.js';

const SEARCH_DELAY_MS = 200;

/** Like the server: the name starts with the text, or one of its words does (case-insensitive). */
function matches(name, text) {
  const q = text.trim().toLowerCase();
  if (!q) return true;
  const n = String(name ?? '').toLowerCase();
  return n.startsWith(q) || n.split(/\s+/).some((word) => word.startsWith(q));
}

export class PeopleSearch {
  #input;
  #results;
  #onPick;
  #exclude;
  #excludedHint;
  #gen = 0; // answers to an older query are dropped: typing fast must not show stale people
  #found = []; // the server's answer to the current query
  #shown = []; // the part of it offered (not excluded)

  /**
   * input: the text box; results: the <ul> to fill.
   * onPick(user): a result was chosen ({ id, name }). exclude(): ids not to offer (a Set).
   * excludedHint: what to say when everyone found is excluded.
   */
  constructor({ input, results, onPick, exclude = () => new Set(), excludedHint = 'Nobody else found.' }) {
    this.#input = input;
    this.#excludedHint = excludedHint;
    this.#results = results;
    this.#onPick = onPick;
    this.#exclude = exclude;
    const search = debounce(() => this.#search(), SEARCH_DELAY_MS);
    input.addEventListener('input', () => {
      // Until the server answers, narrow what is shown to the new text at once, and make any answer
      // still in flight for the old text stale: a click right after typing must never pick
      // someone who no longer matches.
      this.#gen++;
      this.#show(this.#found.filter((u) => matches(u.name, input.value)), false);
      search();
    });
    input.addEventListener('focus', () => { if (!input.value.trim() && !this.#found.length) this.#search(); });
    input.addEventListener('keydown', (e) => {
      // Enter takes the first result, so a name can be typed and picked without the mouse.
      if (e.key === 'Enter' && !e.isComposing) {
        e.preventDefault();
        if (this.#shown.length) this.#pick(this.#shown[0]);
      }
    });
  }

  /** Empty the box and the results. */
  reset() {
    this.#gen++;
    this.#input.value = '';
    this.#show([]);
  }

  /** Re-apply exclude() to what is shown (after a pick or a membership change). */
  refilter() {
    this.#show(this.#found);
  }

  async #search() {
    const q = this.#input.value.trim();
    const gen = ++this.#gen;
    try {
      const { users } = await api.users(q);
      if (gen === this.#gen) this.#show(users ?? []);
    } catch (e) {
      if (gen === this.#gen) toast(`Could not search people: ${e.message}`);
    }
  }

  /** final: this is the server's answer (rather than a local narrowing while it is awaited). */
  #show(users, final = true) {
    const excluded = this.#exclude();
    this.#found = users;
    this.#shown = users.filter((u) => u?.id && !excluded.has(u.id));
    this.#results.replaceChildren(...this.#shown.map((user) =>
      h('li', {},
        h('button', {
          type: 'button', class: 'person', 'data-testid': 'user-result', 'data-user-id': user.id,
          onclick: () => this.#pick(user),
        }, user.name || 'Unnamed'))));
    if (final && !this.#shown.length && (this.#input.value.trim() || users.length)) {
      this.#results.append(h('li', { class: 'hint' }, users.length ? this.#excludedHint : 'Nobody found.'));
    }
  }

  #pick(user) {
    this.#onPick({ id: user.id, name: user.name });
    this.refilter();
  }
}
