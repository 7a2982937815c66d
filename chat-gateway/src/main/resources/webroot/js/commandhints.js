// Slash commands served by plugins (issue 15), and the composer's autocomplete for every command.
// The server lists the commands its plugins announced (GET /commands); typing "/" at the start of the composer
// shows the commands that start with what follows, built-in and plugin ones alike. Tab (or a click) completes the
// first one shown (Up/Down choose another); Escape hides the list. Everything shown is text (h() makes text nodes).

import { api } from './api.js';
import { h } from './dom.js';

/** The composer's own commands (slash.js carries them out), as the list shows them. */
const BUILT_IN = [
  { name: 'me', usage: '/me <action>', description: 'an action, in italics' },
  { name: 'join', usage: '/join #channel', description: 'join or open a public channel' },
  { name: 'leave', usage: '/leave', description: 'leave this room' },
  { name: 'topic', usage: '/topic <text>', description: "set this room's topic" },
  { name: 'invite', usage: '/invite @handle', description: 'add someone to this room' },
  { name: 'mute', usage: '/mute @handle', description: 'mute someone here' },
  { name: 'unmute', usage: '/unmute @handle', description: 'unmute someone here' },
  { name: 'help', usage: '/help', description: 'the commands' },
];
const REFRESH_MS = 60_000;

let pluginCommands = [];
let loadedAt = 0;
let loading = null;

/** Asks the server for its plugins' commands, at most once a minute. */
export function refreshPluginCommands() {
  if (loading || Date.now() - loadedAt < REFRESH_MS) return loading ?? Promise.resolve();
  loading = api.commands()
    .then((answer) => { pluginCommands = answer?.commands ?? []; loadedAt = Date.now(); })
    .catch(() => {}) // no list: plugin commands are not offered; the built-in ones still work
    .finally(() => { loading = null; });
  return loading;
}

/**
 * Whether /name may be a plugin's: it is on the last list, or no list came yet (then the server decides, and
 * answers "Unknown command" for one nobody serves).
 */
export function isPluginCommand(name) {
  return loadedAt === 0 || pluginCommands.some((command) => command.name === name);
}

/** Runs a plugin's command in a room; resolves to the plugin's note (or null). */
export async function runPluginCommand(room, name, args) {
  const answer = await api.runCommand(room.id, name, args);
  return answer?.note ?? null;
}

/** Adds the autocomplete list above a composer's input. */
export function attachCommandHints(input) {
  const list = h('ul', { class: 'command-hints', 'data-testid': 'command-hints', role: 'listbox', hidden: true });
  input.closest('form').before(list);
  let shown = [];
  let chosen = 0;

  const hide = () => { list.hidden = true; shown = []; };
  const complete = (command) => {
    input.value = `/${command.name} `;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    hide();
    input.focus();
  };
  const render = () => {
    list.replaceChildren(...shown.map((command, i) => h('li', {
      class: i === chosen ? 'command-hint chosen' : 'command-hint', 'data-testid': 'command-hint', role: 'option',
      'aria-selected': i === chosen ? 'true' : 'false',
      onmousedown: (e) => { e.preventDefault(); complete(command); },
    }, h('strong', {}, command.usage || `/${command.name}`), ' ', h('span', { class: 'command-hint-about' }, command.description))));
    list.hidden = shown.length === 0;
  };
  const update = () => {
    if (input.value.startsWith('/')) refreshPluginCommands();
    const typed = input.value.match(/^\/(\w*)$/);
    if (!typed) { hide(); return; }
    refreshPluginCommands().then(() => {
      const prefix = typed[1].toLowerCase();
      const all = [...BUILT_IN, ...pluginCommands.filter((p) => !BUILT_IN.some((b) => b.name === p.name))];
      shown = all.filter((command) => command.name.startsWith(prefix)).slice(0, 8);
      chosen = 0;
      render();
    });
  };

  input.addEventListener('input', update);
  input.addEventListener('blur', hide);
  input.addEventListener('keydown', (e) => {
    if (list.hidden || !shown.length) return;
    if (e.key === 'Tab') { e.preventDefault(); e.stopImmediatePropagation(); complete(shown[chosen]); }
    else if (e.key === 'Escape') { e.preventDefault(); hide(); }
    else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopImmediatePropagation();
      chosen = (chosen + (e.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length;
      render();
    }
  });
}
