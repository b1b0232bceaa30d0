// Checks the graphql-transport-ws server against the reference client (npm graphql-ws) and raw sockets.
// Usage: node ws-suite.mjs ws://127.0.0.1:5080/graphql   (the host's connection_init timeout should be short, e.g. 3 s)
// Prints one line per check and "N passed, N failed"; exits non-zero when a check fails.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const url = process.argv[2];
if (!url) {
  console.error('usage: node ws-suite.mjs <ws url of /graphql>');
  process.exit(2);
}

const checks = [];
const check = (name, fn) => checks.push({ name, fn });
const assert = (condition, message) => { if (!condition) throw new Error(message); };

/** Runs one operation with the reference client; resolves with every result it got before completing. */
function run(client, query) {
  return new Promise((resolve, reject) => {
    const results = [];
    client.subscribe({ query }, {
      next: (value) => results.push(value),
      error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
      complete: () => resolve(results),
    });
  });
}

/** Opens a raw socket, sends the messages in order, and resolves with the close code. */
function closeCodeOf(messages, { protocol = 'graphql-transport-ws', waitMs = 10000 } = {}) {
  return new Promise((resolve, reject) => {
    const socket = protocol ? new WebSocket(url, protocol) : new WebSocket(url);
    const timer = setTimeout(() => { socket.terminate(); reject(new Error('the server did not close the socket')); }, waitMs);
    socket.on('open', () => messages.forEach((m) => socket.send(typeof m === 'string' ? m : JSON.stringify(m))));
    socket.on('close', (code) => { clearTimeout(timer); resolve(code); });
    socket.on('error', () => {});
  });
}

check('subscribe, receive the result, complete', async () => {
  const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
  const results = await run(client, '{ plans { code } }');
  await client.dispose();
  assert(results.length === 1, `expected one result, got ${results.length}`);
  assert(results[0].data.plans.some((p) => p.code === 'forfait-pro'), 'forfait-pro is not in the result');
});

check('re-subscribe with the same id once the first completed', async () => {
  const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true, generateID: () => 'same-id' });
  const first = await run(client, '{ plans { code } }');
  const second = await run(client, '{ viewer { kind } }');
  await client.dispose();
  assert(first.length === 1 && second.length === 1, 'both operations should give one result');
  assert(second[0].data.viewer.kind === 'ANONYMOUS', 'the second operation got the wrong result');
});

check('an invalid document gets an error, and the socket stays usable', async () => {
  const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
  let failed = false;
  try {
    await run(client, '{ nope }');
  } catch (error) {
    failed = /nope/.test(JSON.stringify(error.message ?? error));
  }
  const after = await run(client, '{ plans { code } }');
  await client.dispose();
  assert(failed, 'the invalid document did not fail with a message naming the field');
  assert(after.length === 1, 'the socket was not usable after the error');
});

check('a socket without the subprotocol closes with 4406', async () => {
  const code = await closeCodeOf([], { protocol: null });
  assert(code === 4406, `closed with ${code}`);
});

check('no connection_init in time closes with 4408', async () => {
  const code = await closeCodeOf([]);
  assert(code === 4408, `closed with ${code}`);
});

check('subscribe before the acknowledgement closes with 4401', async () => {
  const code = await closeCodeOf([{ id: '1', type: 'subscribe', payload: { query: '{ plans { code } }' } }]);
  assert(code === 4401, `closed with ${code}`);
});

check('a refused token closes with 4403', async () => {
  const code = await closeCodeOf([{ type: 'connection_init', payload: { Authorization: 'Bearer not-a-token' } }]);
  assert(code === 4403, `closed with ${code}`);
});

check('a second connection_init closes with 4429', async () => {
  const code = await closeCodeOf([{ type: 'connection_init' }, { type: 'connection_init' }]);
  assert(code === 4429, `closed with ${code}`);
});

check('a message that is not JSON closes with 4400', async () => {
  const code = await closeCodeOf([{ type: 'connection_init' }, 'this is not json']);
  assert(code === 4400, `closed with ${code}`);
});

check('an unknown message type closes with 4400', async () => {
  const code = await closeCodeOf([{ type: 'connection_init' }, { type: 'dance' }]);
  assert(code === 4400, `closed with ${code}`);
});

let passed = 0;
let failed = 0;
for (const { name, fn } of checks) {
  try {
    await fn();
    passed++;
    console.log(`pass ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name} -- ${error.message}`);
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
