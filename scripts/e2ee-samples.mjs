#!/usr/bin/env node
// Makes the MLS samples MlsWireTest reads (shared/src/test/resources/e2ee/ts-mls-<version>-samples.json) with the
// vendored ts-mls: a key package of device 0f8f... of user 7c1d..., the commit adding it to the group of room
// 2ced... with its welcome, and an application message of that group. Each run makes new keys, so new bytes.
//   node scripts/e2ee-samples.mjs > shared/src/test/resources/e2ee/ts-mls-1.6.4-samples.json
import * as m from '../chat-gateway/src/main/resources/webroot/vendor/ts-mls/ts-mls.esm.js';

const impl = await m.getCiphersuiteImpl(m.getCiphersuiteFromName('MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519'));
const cred = (s) => ({ credentialType: 'basic', identity: new TextEncoder().encode(s) });
const b64 = (u) => Buffer.from(u).toString('base64');
const a = await m.generateKeyPackage(cred('aff13c7e-fc21-4734-8e81-221c16631cbd/c9bf9e57-1685-4c89-bafb-ff5af830be8a'),
  m.defaultCapabilities(), m.defaultLifetime, [], impl);
const b = await m.generateKeyPackage(cred('7c1d0f3e-6a7b-4c59-9e1a-0b2c3d4e5f60/0f8fad5b-d9cb-469f-a165-70867728950e'),
  m.defaultCapabilities(), m.defaultLifetime, [], impl);
const keyPackage = m.encodeMlsMessage({ keyPackage: b.publicPackage, wireformat: 'mls_key_package', version: 'mls10' });
let group = await m.createGroup(new TextEncoder().encode('2ceda582-bdf6-4881-b4b9-4db3452d85a7'), a.publicPackage,
  a.privatePackage, [], impl);
const added = await m.createCommit({ state: group, cipherSuite: impl },
  { extraProposals: [{ proposalType: 'add', add: { keyPackage: b.publicPackage } }], ratchetTreeExtension: true });
group = added.newState;
const message = await m.createApplicationMessage(group, new TextEncoder().encode('Hello bob!'), impl);
console.log(JSON.stringify({
  keyPackage: b64(keyPackage),
  commit: b64(m.encodeMlsMessage(added.commit)),
  welcome: b64(m.encodeMlsMessage({ welcome: added.welcome, wireformat: 'mls_welcome', version: 'mls10' })),
  application: b64(m.encodeMlsMessage({ privateMessage: message.privateMessage, wireformat: 'mls_private_message', version: 'mls10' })),
  commitWire: added.commit.wireformat,
}, null, 1));
