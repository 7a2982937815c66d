#!/usr/bin/env node
// A Parley end-to-end encryption client outside the browser: Node, the same MLS library as the web client (the
// vendored ts-mls build), none of the web client's code. It shows that what Parley carries is standard MLS
// (RFC 9420): this client joins encrypted conversations as a device of its own and reads what browsers wrote.
//
//   node --experimental-websocket scripts/e2ee-client.mjs read <baseUrl> <accessToken> <roomId|*> <count>
//     registers a device, uploads key packages, prints {"ready":true,"device":..}, then waits for a welcome into
//     <roomId> (or any room: *), reads the room's messages and prints {"texts":[..],"files":[..]} once it
//     decrypted <count>: each file the messages carry downloaded and decrypted with the AES-256-GCM key and IV of
//     its MLS message ({"name","type","size","sha256"} of what came out).
//   node --experimental-websocket scripts/e2ee-client.mjs scenario <baseUrl> <tokensJson>
//     plays several devices (alice, bob, bob2, carol) against a server and prints what each could read: messages
//     both ways, a second device, a member removed from a group DM, replayed and reordered messages refused.
//   node --experimental-websocket scripts/e2ee-client.mjs create-bench <baseUrl> '{"people":[[tokens..],..]}'
//     times the making of an encrypted group DM of those people's devices (docs/e2ee.md, figures).
// (Node 22 and later have WebSocket without the flag.)
import * as mls from '../chat-gateway/src/main/resources/webroot/vendor/ts-mls/ts-mls.esm.js';

const SUITE = 'MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519';
const KEY_PACKAGES = 5;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const b64 = (bytes) => Buffer.from(bytes).toString('base64');
const unb64 = (text) => new Uint8Array(Buffer.from(text, 'base64'));
const config = {
  keyRetentionConfig: mls.defaultKeyRetentionConfig,
  lifetimeConfig: mls.defaultLifetimeConfig,
  keyPackageEqualityConfig: mls.defaultKeyPackageEqualityConfig,
  paddingConfig: mls.defaultPaddingConfig,
  authService: mls.defaultAuthenticationService,
};

let suite;
async function impl() {
  suite ??= await mls.getCiphersuiteImpl(mls.getCiphersuiteFromName(SUITE));
  return suite;
}

/** One person signed in: HTTP calls with their token, and a WebSocket for sends and live events. */
class Session {
  constructor(base, token) {
    this.base = base;
    this.token = token;
  }

  async call(method, path, body) {
    const response = await fetch(this.base + '/api/v1' + path, {
      method,
      headers: { authorization: 'Bearer ' + this.token, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : {};
    if (!response.ok) {
      const error = new Error(`${method} ${path}: ${response.status} ${json.error?.code} ${json.error?.message}`);
      error.status = response.status;
      throw error;
    }
    return json;
  }

  async connect() {
    const { ticket } = await this.call('POST', '/ws-ticket');
    const socket = new WebSocket(this.base.replace(/^http/, 'ws') + '/ws?ticket=' + encodeURIComponent(ticket));
    this.frames = [];
    this.waiters = [];
    socket.addEventListener('message', (e) => {
      const frame = JSON.parse(e.data);
      this.frames.push(frame);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    await new Promise((ok, fail) => {
      socket.addEventListener('open', ok, { once: true });
      socket.addEventListener('error', fail, { once: true });
    });
    this.socket = socket;
    await this.next((f) => f.op === 'hello');
  }

  /** The first frame (kept or to come) that matches, taken out of the queue. */
  async next(matches, millis = 20_000) {
    const deadline = Date.now() + millis;
    for (;;) {
      const at = this.frames.findIndex(matches);
      if (at >= 0) return this.frames.splice(at, 1)[0];
      if (Date.now() > deadline) throw new Error('no such frame within ' + millis + ' ms');
      await new Promise((wake) => { this.waiters.push(wake); setTimeout(wake, 200); });
    }
  }

  send(frame) {
    this.socket.send(JSON.stringify(frame));
  }

  close() {
    this.socket?.close();
  }
}

/** This process as one MLS client (a Parley device): its keys, key packages and groups, kept in memory. */
class Device {
  constructor(session, user, name) {
    this.session = session;
    this.user = user;
    this.name = name;
    this.packages = [];        // { public, private } of uploaded key packages, until a welcome uses one
    this.groups = new Map();   // room -> { state, seq }
    this.sent = new Map();     // ciphertext -> text: a sender cannot decrypt its own messages
    this.files = [];           // {id, key, iv, name, type, size} of each file the messages read so far carry
  }

  async register() {
    const device = await this.session.call('POST', '/e2ee/devices', { name: this.name });
    this.id = device.id;
    const cs = await impl();
    const credential = { credentialType: 'basic', identity: encoder.encode(`${this.user}/${this.id}`) };
    const signature = await cs.signature.keygen();
    for (let i = 0; i < KEY_PACKAGES; i++) {
      this.packages.push(await mls.generateKeyPackageWithKey(credential, mls.defaultCapabilities(),
        mls.defaultLifetime, [], signature, cs));
    }
    this.credential = credential;
    this.signature = signature;
    const encoded = this.packages.map((p) => b64(mls.encodeMlsMessage(
      { keyPackage: p.publicPackage, wireformat: 'mls_key_package', version: 'mls10' })));
    await this.session.call('POST', `/e2ee/devices/${this.id}/key-packages`, { keyPackages: encoded });
    return this;
  }

  /** Makes the room's group with every device of its members (but this one) and relays the commit. */
  async createGroup(room, members) {
    const cs = await impl();
    const own = await mls.generateKeyPackageWithKey(this.credential, mls.defaultCapabilities(), mls.defaultLifetime,
      [], this.signature, cs);
    let state = await mls.createGroup(encoder.encode(room), own.publicPackage, own.privatePackage, [], cs, config);
    const { devices } = await this.session.call('GET', '/e2ee/devices?users=' + members.join(','));
    const others = devices.filter((d) => d.id !== this.id).map((d) => d.id);
    const { keyPackages } = await this.session.call('POST', '/e2ee/key-packages/claim', { devices: others });
    const adds = keyPackages.map((k) => ({ proposalType: 'add', add: { keyPackage: decodeKeyPackage(k.keyPackage) } }));
    const result = await mls.createCommit({ state, cipherSuite: cs }, { extraProposals: adds, ratchetTreeExtension: true });
    const stored = await this.session.call('POST', `/rooms/${room}/e2ee/commits`, {
      device: this.id,
      commit: b64(mls.encodeMlsMessage(result.commit)),
      welcome: b64(mls.encodeMlsMessage({ welcome: result.welcome, wireformat: 'mls_welcome', version: 'mls10' })),
      welcomeTo: keyPackages.map((k) => k.device),
    });
    this.groups.set(room, { state: result.newState, seq: stored.seq });
    return keyPackages.map((k) => k.device);
  }

  /** Joins every group a welcome waits for, with the key package it was made for. */
  async acceptWelcomes() {
    const cs = await impl();
    const { welcomes } = await this.session.call('GET', `/e2ee/devices/${this.id}/welcomes`);
    for (const w of welcomes) {
      if (this.groups.has(w.room)) continue;
      const welcome = mls.decodeMlsMessage(unb64(w.welcome), 0)[0].welcome;
      for (const p of this.packages) {
        try {
          const state = await mls.joinGroup(welcome, p.publicPackage, p.privatePackage, mls.emptyPskIndex, cs,
            undefined, undefined, config);
          this.groups.set(w.room, { state, seq: w.seq });
          this.packages = this.packages.filter((other) => other !== p);
          break;
        } catch { /* made for another of this device's key packages */ }
      }
    }
    return welcomes.map((w) => w.room);
  }

  /** Encrypts and sends a message; answers its ciphertext once acknowledged. */
  async send(room, text) {
    const cs = await impl();
    const group = this.groups.get(room);
    const result = await mls.createApplicationMessage(group.state, encoder.encode(JSON.stringify({ text })), cs);
    group.state = result.newState;
    const ciphertext = b64(mls.encodeMlsMessage(
      { privateMessage: result.privateMessage, wireformat: 'mls_private_message', version: 'mls10' }));
    this.sent.set(ciphertext, text);
    const cid = crypto.randomUUID();
    this.session.send({ op: 'send', room, cid, ciphertext });
    const reply = await this.session.next((f) => (f.op === 'ack' || f.op === 'err') && f.cid === cid);
    if (reply.op === 'err') throw new Error('send refused: ' + reply.code + ' ' + reply.msg);
    return ciphertext;
  }

  /** Commits the removal of every leaf of these people (they left the group DM). */
  async removeMembers(room, people) {
    const cs = await impl();
    const group = this.groups.get(room);
    const removals = [];
    group.state.ratchetTree.forEach((node, index) => {
      if (node?.nodeType !== 'leaf') return;
      const [user] = decoder.decode(node.leaf.credential.identity).split('/');
      if (people.includes(user)) removals.push({ proposalType: 'remove', remove: { removed: index / 2 } });
    });
    const result = await mls.createCommit({ state: group.state, cipherSuite: cs }, { extraProposals: removals });
    const commit = b64(mls.encodeMlsMessage(result.commit));
    const stored = await this.session.call('POST', `/rooms/${room}/e2ee/commits`, { device: this.id, commit });
    group.state = result.newState;
    group.seq = stored.seq;
    return { removed: removals.length, commit };
  }

  /**
   * Reads the room's stored events after the last one this device processed, in seq order, through the
   * WebSocket's replay (`sub` with `since`): commits and messages interleaved as the server ordered them, which the
   * MLS epochs need. Answers the texts of the messages.
   */
  async catchUp(room) {
    const group = this.groups.get(room);
    const texts = [];
    const ref = crypto.randomUUID();
    this.session.frames = this.session.frames.filter((f) => f.room !== room);
    this.session.send({ op: 'unsub', room });
    this.session.send({ op: 'sub', room, since: group.seq, ref });
    const subbed = await this.session.next((f) => (f.op === 'subbed' || f.op === 'err' || f.op === 'gap')
      && f.room === room && f.ref === ref);
    if (subbed.op !== 'subbed') throw new Error('catching up refused: ' + JSON.stringify(subbed));
    const events = this.session.frames.filter((f) => f.op === 'evt' && f.room === room && f.seq > group.seq
      && f.seq <= subbed.seq);
    this.session.frames = this.session.frames.filter((f) => !events.includes(f));
    // A seq heard live before this subscription may come again in its replay: each MLS message is opened once (a
    // second time is "a generation in the past"), from the latest copy, which says whether it was edited since.
    const bySeq = new Map(events.map((event) => [event.seq, event]));
    for (const event of [...bySeq.values()].sort((a, b) => a.seq - b.seq)) {
      group.seq = event.seq;
      const edited = (event.data.editedAt ?? event.data.editedTs) != null;
      // An edited message holds its last edit's ciphertext, which is read where that edit stands in the order.
      if ((event.type === 'message' && !edited) || event.type === 'message.edited') {
        if (event.data.ciphertext) texts.push(await this.open(room, event.data.ciphertext));
      } else if (event.type === 'e2ee.commit' && event.data.device !== this.id) {
        await this.open(room, event.data.commit);
      }
    }
    return texts;
  }

  /** Processes one MLS message of the room: a commit moves the group on, an application message answers its text. */
  async open(room, ciphertext) {
    if (this.sent.has(ciphertext)) return this.sent.get(ciphertext);
    const cs = await impl();
    const group = this.groups.get(room);
    const message = mls.decodeMlsMessage(unb64(ciphertext), 0)[0];
    const result = await mls.processMessage(message, group.state, mls.emptyPskIndex, mls.acceptAll, cs);
    group.state = result.newState;
    if (result.kind !== 'applicationMessage') return null;
    const content = JSON.parse(decoder.decode(result.message));
    this.files.push(...(content.files ?? []));
    return content.text;
  }

  /** A file of a message: its opaque bytes from the server, opened with the key and IV its MLS message carried. */
  async download(file) {
    const response = await fetch(`${this.session.base}/api/v1/files/${file.id}`,
      { headers: { authorization: 'Bearer ' + this.session.token } });
    if (!response.ok) throw new Error(`GET /files/${file.id}: ${response.status}`);
    const key = await crypto.subtle.importKey('raw', unb64(file.key), 'AES-GCM', false, ['decrypt']);
    const plain = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: unb64(file.iv) }, key,
      await response.arrayBuffer()));
    const sha256 = Buffer.from(await crypto.subtle.digest('SHA-256', plain)).toString('hex');
    return { name: file.name, type: file.type, size: plain.length, sha256 };
  }
}

function decodeKeyPackage(encoded) {
  const [message] = mls.decodeMlsMessage(unb64(encoded), 0);
  if (message.wireformat !== 'mls_key_package') throw new Error('not a key package');
  return message.keyPackage;
}

async function whoAmI(session) {
  const me = await session.call('GET', '/me');
  return me.user?.id ?? me.id;
}

async function read(base, token, room, count) {
  const session = new Session(base, token);
  const device = await new Device(session, await whoAmI(session), 'Node client').register();
  console.log(JSON.stringify({ ready: true, device: device.id }));
  const deadline = Date.now() + 60_000;
  // '*': the first room this device is welcomed into.
  while (!(await device.acceptWelcomes()).some((r) => room === '*' || r === room)) {
    if (Date.now() > deadline) throw new Error('no welcome into ' + room);
    await new Promise((wake) => setTimeout(wake, 250));
  }
  if (room === '*') room = [...device.groups.keys()][0];
  await session.connect();
  const texts = [];
  while (texts.length < count) {
    if (Date.now() > deadline) throw new Error('read ' + texts.length + ' of ' + count);
    texts.push(...await device.catchUp(room));
    if (texts.length < count) await new Promise((wake) => setTimeout(wake, 250));
  }
  const files = [];
  for (const file of device.files) files.push(await device.download(file));
  console.log(JSON.stringify({ texts, files }));
}

/** Refused or accepted: what processing a message answers, as a word for the report. */
async function attempt(action) {
  try {
    await action();
    return 'accepted';
  } catch (e) {
    return 'refused: ' + e.message;
  }
}

async function scenario(base, tokens) {
  const people = {};
  for (const [name, token] of Object.entries(tokens)) {
    const session = new Session(base, token);
    await session.connect();
    people[name] = { session, user: await whoAmI(session) };
  }
  const alice = await new Device(people.alice.session, people.alice.user, 'alice').register();
  const bob = await new Device(people.bob.session, people.bob.user, 'bob laptop').register();
  const bob2 = await new Device(people.bob2.session, people.bob2.user, 'bob phone').register();
  const carol = await new Device(people.carol.session, people.carol.user, 'carol').register();
  const report = {};

  // A DM, both ways, read on Bob's two devices.
  const dm = (await alice.session.call('POST', '/dms', { users: [bob.user], encrypted: true })).room.id;
  report.dmWelcomed = await alice.createGroup(dm, [alice.user, bob.user]);
  await bob.acceptWelcomes();
  await bob2.acceptWelcomes();
  report.sent = { alice: [], bob: [] };
  for (const text of tokens.texts?.alice ?? ['alice-1 ' + crypto.randomUUID(), 'alice-2 ' + crypto.randomUUID()]) {
    await alice.send(dm, text);
    report.sent.alice.push(text);
  }
  const bobReply = 'bob-1 ' + crypto.randomUUID();
  await bob.send(dm, bobReply);
  report.sent.bob.push(bobReply);
  report.read = { bob: await bob.catchUp(dm), bob2: await bob2.catchUp(dm), alice: await alice.catchUp(dm) };

  // A replayed message (the server sends the same one again) and a reordered one (a later message first).
  const history = (await bob.session.call('GET', `/rooms/${dm}/messages?limit=50`)).messages;
  const first = history.find((m) => m.ciphertext && m.sender === alice.user);
  report.replay = await attempt(() => bob2.open(dm, first.ciphertext));
  const one = await alice.send(dm, 'alice-3 ' + crypto.randomUUID());
  const two = await alice.send(dm, 'alice-4 ' + crypto.randomUUID());
  report.reorderedLaterFirst = await attempt(() => bob2.open(dm, two));
  report.reorderedEarlierAfter = await attempt(() => bob2.open(dm, one));

  // A group DM; Carol leaves; Alice's device removes her leaves; Carol reads nothing sent after.
  const group = (await alice.session.call('POST', '/dms', { users: [bob.user, carol.user], encrypted: true })).room.id;
  await alice.createGroup(group, [alice.user, bob.user, carol.user]);
  await bob.acceptWelcomes();
  await carol.acceptWelcomes();
  const before = 'group-before ' + crypto.randomUUID();
  await alice.send(group, before);
  report.carolBefore = await carol.catchUp(group);
  await carol.session.call('DELETE', `/rooms/${group}/members/${carol.user}`);
  const removal = await alice.removeMembers(group, [carol.user]);
  report.removedLeaves = removal.removed;
  const after = 'group-after ' + crypto.randomUUID();
  const afterCiphertext = await alice.send(group, after);
  report.sent.group = [before, after];
  // A server that hands out a message before the commit it follows, or a commit twice, is found out.
  report.messageBeforeItsCommit = await attempt(() => bob.open(group, afterCiphertext));
  report.bobGroup = await bob.catchUp(group);
  report.commitReplayed = await attempt(() => bob.open(group, removal.commit));
  report.carolAfter = await attempt(() => carol.open(group, afterCiphertext));
  report.carolCanReadHistory = await attempt(() => carol.session.call('GET', `/rooms/${group}/messages?limit=5`));
  report.rooms = { dm, group };
  Object.values(people).forEach((p) => p.session.close());
  console.log(JSON.stringify(report));
}

/**
 * Times the making of an encrypted group DM through a server: tokens.people is a list of people, each a list of
 * access tokens (one per device). Every device registers and uploads key packages first (not timed); then the
 * first person's first device opens the group DM and makes the group: claim, commit, relay (timed), and every
 * other device joins by its welcome (timed, one after another here, in parallel in real life).
 */
async function createBench(base, tokens) {
  const devices = [];
  for (const sessions of tokens.people) {
    for (const token of sessions) {
      const session = new Session(base, token);
      devices.push(await new Device(session, await whoAmI(session), 'bench').register());
    }
  }
  const creator = devices[0];
  const people = [...new Set(devices.map((d) => d.user))];
  const start = performance.now();
  const room = (await creator.session.call('POST', '/dms', { users: people.slice(1), encrypted: true })).room.id;
  const welcomed = await creator.createGroup(room, people);
  const made = performance.now() - start;
  const joinStart = performance.now();
  for (const device of devices.slice(1)) await device.acceptWelcomes();
  const joinEach = (performance.now() - joinStart) / (devices.length - 1);
  console.log(JSON.stringify({ people: people.length, devices: devices.length, welcomed: welcomed.length,
    openAndMakeGroupMs: Math.round(made), joinPerDeviceMs: Math.round(joinEach),
    joined: devices.slice(1).filter((d) => d.groups.has(room)).length }));
}

const [command, ...args] = process.argv.slice(2);
try {
  if (command === 'read') await read(args[0], args[1], args[2], Number(args[3]));
  else if (command === 'scenario') await scenario(args[0], JSON.parse(args[1]));
  else if (command === 'create-bench') await createBench(args[0], JSON.parse(args[1]));
  else throw new Error('usage: e2ee-client.mjs read|scenario ...');
  process.exit(0);
} catch (e) {
  console.error(e.stack ?? String(e));
  process.exit(1);
}
