#!/usr/bin/env node
// Figures for docs/e2ee.md, of the MLS library alone (the vendored ts-mls, in Node's V8, the engine of Chromium):
// making a group of P people with D devices each (key packages, the commit that adds everyone, every device
// joining by its welcome), then per-message encrypt and decrypt time and the bytes a message gains.
//   node scripts/e2ee-bench.mjs [people=10] [devices=3] [messages=200]
import * as mls from '../chat-gateway/src/main/resources/webroot/vendor/ts-mls/ts-mls.esm.js';

const [people = 10, devices = 3, messages = 200] = process.argv.slice(2).map(Number);
const cs = await mls.getCiphersuiteImpl(mls.getCiphersuiteFromName('MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519'));
const enc = new TextEncoder();
const cred = (id) => ({ credentialType: 'basic', identity: enc.encode(id) });
const ms = (from) => Number(process.hrtime.bigint() - from) / 1e6;

const members = [];
for (let p = 0; p < people; p++) {
  for (let d = 0; d < devices; d++) {
    members.push(await mls.generateKeyPackage(cred(`user${p}/device${d}`), mls.defaultCapabilities(), mls.defaultLifetime, [], cs));
  }
}
const start = process.hrtime.bigint();
let creator = await mls.createGroup(enc.encode('room'), members[0].publicPackage, members[0].privatePackage, [], cs);
const commit = await mls.createCommit({ state: creator, cipherSuite: cs }, {
  extraProposals: members.slice(1).map((m) => ({ proposalType: 'add', add: { keyPackage: m.publicPackage } })),
  ratchetTreeExtension: true,
});
creator = commit.newState;
const commitBytes = mls.encodeMlsMessage(commit.commit).length;
const welcomeBytes = mls.encodeMlsMessage({ welcome: commit.welcome, wireformat: 'mls_welcome', version: 'mls10' }).length;
const made = ms(start);
const joinStart = process.hrtime.bigint();
const joined = [];
for (const m of members.slice(1)) {
  joined.push(await mls.joinGroup(commit.welcome, m.publicPackage, m.privatePackage, mls.emptyPskIndex, cs));
}
const joinEach = ms(joinStart) / (members.length - 1);

let reader = joined[0];
let encryptMs = 0;
let decryptMs = 0;
let overhead = 0;
const text = JSON.stringify({ text: 'A message of a usual length, about sixty characters long.' });
for (let i = 0; i < messages; i++) {
  let t = process.hrtime.bigint();
  const sent = await mls.createApplicationMessage(creator, enc.encode(text), cs);
  encryptMs += ms(t);
  creator = sent.newState;
  const bytes = mls.encodeMlsMessage({ privateMessage: sent.privateMessage, wireformat: 'mls_private_message', version: 'mls10' });
  overhead += bytes.length - enc.encode(text).length;
  t = process.hrtime.bigint();
  const got = await mls.processMessage(mls.decodeMlsMessage(bytes, 0)[0], reader, mls.emptyPskIndex, mls.acceptAll, cs);
  decryptMs += ms(t);
  reader = got.newState;
}
console.log(JSON.stringify({
  people, devices, leaves: members.length,
  createGroupAndCommitMs: Math.round(made), commitBytes, welcomeBytes,
  joinPerDeviceMs: Math.round(joinEach), groupReadyMs: Math.round(made + joinEach), // devices join in parallel
  encryptMs: +(encryptMs / messages).toFixed(2), decryptMs: +(decryptMs / messages).toFixed(2),
  overheadBytes: Math.round(overhead / messages), overheadBase64Bytes: Math.round(overhead / messages * 4 / 3),
}));
