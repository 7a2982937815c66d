// An out-of-process bot for Parley over the TCP event-bus bridge: in each of its rooms it answers "!echo <text>"
// with "<text>", as its own account, and it serves the slash command "/echo <text>" (the same, in the room where
// it was typed). With PARLEY_BOT_HOOK set it also serves that message hook, letting every message through (a hook
// that costs one bridge round trip: what the bench measures).
//
//   PARLEY_BRIDGE_HOST, PARLEY_BRIDGE_PORT   where the bridge listens (bridge.host, bridge.port)
//   PARLEY_BOT_TOKEN                         the token of its entry in bridge.plugins
//   PARLEY_BOT_USER, PARLEY_BOT_NAME         the bot's account id and display name (its `bot` in bridge.plugins)
//   PARLEY_BOT_ROOMS                         room ids, comma separated (the bot's account is a member of each)
//   PARLEY_BOT_HOOK                          optional: a message hook name to serve (listed in its `hooks`)
'use strict';

const { randomUUID } = require('crypto');
const { BridgeClient } = require('./bridge-client');

const env = process.env;
const user = env.PARLEY_BOT_USER;
const name = env.PARLEY_BOT_NAME || 'Echo';
const rooms = (env.PARLEY_BOT_ROOMS || '').split(',').filter(Boolean);

async function main() {
  const parley = new BridgeClient({
    host: env.PARLEY_BRIDGE_HOST || '127.0.0.1',
    port: Number(env.PARLEY_BRIDGE_PORT || 7001),
    token: env.PARLEY_BOT_TOKEN,
  });
  await parley.connect();
  parley.on('refused', (why) => console.error(`refused: ${why}`));
  parley.on('close', () => process.exit(1));

  for (const room of rooms) {
    parley.register(`parley.room.${room}`, (frame) => {
      const event = frame.body; // a RoomEvent: {room, seq, type, data}
      if (event.type !== 'message' || event.data.sender === user) return;
      const match = /^!echo\s+([\s\S]+)/.exec(event.data.text);
      if (!match) return;
      parley.command('parley.rooms.cmd', 'POST_MESSAGE', {
        room: event.room, sender: user, senderName: name, cid: randomUUID(), text: match[1],
      }).catch((failure) => console.error(`could not answer in ${event.room}: ${failure.message}`));
    });
  }
  // The slash command: announced (now, whenever a gateway starts, and every 30 s) so gateways offer it.
  const announcement = { commands: [{ name: 'echo', usage: '/echo <text>', description: 'the bot says it' }] };
  parley.register('parley.commands.echo', (frame, reply) => {
    const invocation = frame.body; // {command, room, user, userName, args}
    parley.command('parley.rooms.cmd', 'POST_MESSAGE', {
      room: invocation.room, sender: user, senderName: name, cid: randomUUID(), text: invocation.args || '...',
    }).then(() => reply({ note: 'Echoed' }), (failure) => reply({ note: `Not echoed: ${failure.message}` }));
  });
  parley.register('parley.commands-wanted', () => parley.publish('parley.commands', announcement));
  if (env.PARLEY_BOT_HOOK) {
    parley.register(`parley.hooks.message.${env.PARLEY_BOT_HOOK}`, (frame, reply) => reply({ decision: 'allow' }));
  }
  await parley.ping();
  parley.publish('parley.commands', announcement);
  setInterval(() => parley.publish('parley.commands', announcement), 30_000);
  console.log('ready');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
