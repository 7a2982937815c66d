// Slash commands typed in the composer, each mapped to a call the server already has:
//   /me waves          -> the message "_waves_" (an action, shown in italics)
//   /join #channel     -> join a public channel by name (or open it, if already in) and show it
//   /leave             -> leave the open room
//   /topic some text   -> set the open room's topic (moderators); "/topic" alone clears it
//   /invite @handle    -> add someone to the open room
//   /mute @handle, /unmute @handle -> mute or unmute someone in the open room (moderators)
//   /help              -> the list
//   /<name> ...        -> a command a plugin serves (commandhints.js), run by the server
// "//text" sends "/text" as it is. Anything else starting with "/" is refused with the list, rather
// than posted by mistake.

import { api } from './api.js';
import { isPluginCommand, runPluginCommand } from './commandhints.js';

export const HELP = '/me <action>, /join #channel, /leave, /topic <text>, /invite @handle, /mute @handle, '
  + '/unmute @handle; start with // to send a message beginning with /';

/**
 * What the composer text means: { send: text } for a message (maybe rewritten), or
 * { command, arg } for a command, or { error } when it is no command we know.
 */
export function parseCommand(text) {
  if (!text.startsWith('/')) return { send: text };
  if (text.startsWith('//')) return { send: text.slice(1) };
  const m = text.match(/^\/(\w+)(?:\s+([\s\S]*))?$/);
  if (!m) return { error: `Not a command. ${HELP}` };
  const command = m[1].toLowerCase();
  const arg = (m[2] ?? '').trim();
  switch (command) {
    case 'me':
      return arg ? { send: `_${arg.replace(/([_*~`\\])/g, '\\$1')}_`, command } : { error: 'Usage: /me <action>' };
    case 'join': case 'leave': case 'topic': case 'invite': case 'mute': case 'unmute': case 'help':
      return { command, arg };
    default:
      if (isPluginCommand(command)) return { command, arg, plugin: true };
      return { error: `Unknown command /${command}. ${HELP}` };
  }
}

/** The one person with exactly this handle (leading @ optional), or an error. */
async function personByHandle(arg) {
  const handle = arg.replace(/^@/, '').toLowerCase();
  if (!handle) throw new Error('Say who: /invite @handle');
  const { users } = await api.users(handle);
  const user = (users ?? []).find((u) => String(u.handle ?? '').toLowerCase() === handle);
  if (!user) throw new Error(`Nobody has the handle @${handle}`);
  return user;
}

/**
 * Carry out a command. ctx: { room (the open room), me, openRoom(room), leave(room) }.
 * Resolves to a short note to show, or throws an Error with what went wrong.
 */
export async function runCommand({ command, arg, plugin }, ctx) {
  const { room } = ctx;
  if (plugin) return runPluginCommand(room, command, arg);
  switch (command) {
    case 'help': return HELP;
    case 'join': {
      const name = arg.replace(/^#/, '').trim().toLowerCase();
      if (!name) throw new Error('Usage: /join #channel');
      const { channels } = await api.channels();
      const channel = (channels ?? []).find((c) => String(c.name ?? '').toLowerCase() === name);
      if (!channel) throw new Error(`No public channel is called #${name}`);
      const joined = channel.member ? channel : (await api.joinRoom(channel.id)).room;
      ctx.openRoom(joined);
      return null;
    }
    case 'leave':
      await api.removeMember(room.id, ctx.me.id);
      ctx.leave(room);
      return null;
    case 'topic': {
      const answer = await api.updateRoom(room.id, { topic: arg });
      ctx.roomUpdated?.(answer?.room);
      return arg ? `Topic set to “${arg}”` : 'Topic cleared';
    }
    case 'invite': {
      const user = await personByHandle(arg);
      await api.addMember(room.id, user.id);
      return `${user.name} was added to the room`;
    }
    case 'mute': case 'unmute': {
      const user = await personByHandle(arg);
      await (command === 'mute' ? api.mute(room.id, user.id) : api.unmute(room.id, user.id));
      return `${user.name} is ${command === 'mute' ? 'muted' : 'no longer muted'} here`;
    }
    default: throw new Error(HELP);
  }
}
