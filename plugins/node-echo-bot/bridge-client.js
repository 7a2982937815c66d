// A small client for Parley's TCP event-bus bridge (vertx-tcp-eventbus-bridge), in plain Node: no dependencies.
// Frames are a 4-byte big-endian length followed by that many bytes of UTF-8 JSON, both ways:
//   to the server:   {"type":"send"|"publish"|"register"|"unregister"|"ping","address","headers","body","replyAddress"}
//   from the server: {"type":"message","address","headers","body","replyAddress"}, {"type":"err","message",..},
//                    {"type":"pong"}
// The first frame carries the plugin's token in the header "parley-token"; the server closes a connection whose first
// frame does not.
'use strict';

const net = require('net');
const { randomUUID } = require('crypto');
const { EventEmitter } = require('events');

class BridgeClient extends EventEmitter {
  constructor({ host = '127.0.0.1', port, token }) {
    super();
    this.host = host;
    this.port = port;
    this.token = token;
    this.pending = new Map(); // replyAddress -> {resolve, reject}
    this.handlers = new Map(); // address -> handler(message, reply)
    this.pongs = [];
    this.buffer = Buffer.alloc(0);
    this.sentFirst = false;
  }

  connect() {
    return new Promise((resolve, reject) => {
      this.socket = net.connect(this.port, this.host, () => resolve(this));
      this.socket.once('error', reject);
      this.socket.on('data', (chunk) => this.#read(chunk));
      this.socket.on('close', () => {
        for (const { reject: fail } of this.pending.values()) fail(new Error('connection closed'));
        this.pending.clear();
        this.emit('close');
      });
    });
  }

  // A request: resolves with the reply's body, rejects with {failureCode, message} when it fails.
  request(address, body, headers = {}) {
    const replyAddress = randomUUID();
    return new Promise((resolve, reject) => {
      this.pending.set(replyAddress, { resolve, reject });
      this.#write({ type: 'send', address, headers, body, replyAddress });
    });
  }

  // Sends a command of Parley's contract (docs/contract.md): its action and the contract version as headers.
  command(address, action, body) {
    return this.request(address, body, { action, v: '1' });
  }

  publish(address, body, headers = {}) {
    this.#write({ type: 'publish', address, headers, body });
  }

  // Listens on an address; handler(message, reply) where reply(body) answers a request.
  register(address, handler) {
    this.handlers.set(address, handler);
    this.#write({ type: 'register', address, headers: {} });
  }

  // Resolves once the server has handled every frame sent before it.
  ping() {
    return new Promise((resolve) => {
      this.pongs.push(resolve);
      this.#write({ type: 'ping' });
    });
  }

  close() {
    this.socket.end();
  }

  #write(frame) {
    if (!this.sentFirst) {
      frame.headers = { ...(frame.headers || {}), 'parley-token': this.token };
      this.sentFirst = true;
    }
    const json = Buffer.from(JSON.stringify(frame), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(json.length, 0);
    this.socket.write(Buffer.concat([length, json]));
  }

  #read(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    while (this.buffer.length >= 4) {
      const length = this.buffer.readUInt32BE(0);
      if (this.buffer.length < 4 + length) return;
      const frame = JSON.parse(this.buffer.subarray(4, 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(4 + length);
      this.#dispatch(frame);
    }
  }

  #dispatch(frame) {
    if (frame.type === 'pong') {
      const resolve = this.pongs.shift();
      if (resolve) resolve();
      return;
    }
    const waiting = frame.address && this.pending.get(frame.address);
    if (waiting) {
      this.pending.delete(frame.address);
      if (frame.type === 'err') waiting.reject({ failureCode: frame.failureCode, message: frame.message });
      else waiting.resolve(frame.body);
      return;
    }
    if (frame.type === 'err') {
      this.emit('refused', frame.message);
      return;
    }
    const handler = frame.address && this.handlers.get(frame.address);
    if (handler) {
      const reply = (body) => this.#write({ type: 'send', address: frame.replyAddress, headers: {}, body });
      handler(frame, reply);
    }
  }
}

module.exports = { BridgeClient };
