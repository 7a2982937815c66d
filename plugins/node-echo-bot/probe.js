// Checks what a plugin's token may do on the bridge, one request, and prints the outcome as one JSON line:
//   node probe.js <address> <action> '<json body>'
// with PARLEY_BRIDGE_HOST, PARLEY_BRIDGE_PORT and PARLEY_BOT_TOKEN as for echo-bot.js (an empty token: none sent).
// {"outcome":"reply","body":..} | {"outcome":"failed","failureCode":..,"message":..} | {"outcome":"refused","message":..}
// | {"outcome":"closed"}
'use strict';

const { BridgeClient } = require('./bridge-client');

async function main() {
  const [address, action, body] = process.argv.slice(2);
  const parley = new BridgeClient({
    host: process.env.PARLEY_BRIDGE_HOST || '127.0.0.1',
    port: Number(process.env.PARLEY_BRIDGE_PORT || 7001),
    token: process.env.PARLEY_BOT_TOKEN || undefined,
  });
  await parley.connect();
  const outcome = await new Promise((resolve) => {
    parley.on('refused', (message) => resolve({ outcome: 'refused', message }));
    parley.on('close', () => resolve({ outcome: 'closed' }));
    parley.command(address, action, JSON.parse(body || '{}'))
      .then((reply) => resolve({ outcome: 'reply', body: reply }))
      .catch((failure) => resolve({ outcome: 'failed', ...failure }));
  });
  console.log(JSON.stringify(outcome));
  parley.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
