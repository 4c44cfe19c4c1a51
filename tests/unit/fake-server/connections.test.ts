import { request as httpRequest, Agent } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '@/tests/fake-server';
import { chatBody } from '@/tests/fake-server/test-helpers';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** GET /v1/models through `agent` (kept-alive connections are reused); resolves when the answer has ended. */
function getModels(target: FakeServer, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${target.baseURL}/models`,
      { agent, headers: { authorization: `Bearer ${target.apiKey}` } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('connections', () => {
  it('numbers each connection and tells which one a request came on', async () => {
    server = await startFakeServer();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    await getModels(server, agent);
    await getModels(server, agent);
    expect(server.connections).toBe(1);
    expect(server.requests.map((request) => request.connection)).toEqual([1, 1]);

    server.closeConnections();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await getModels(server, agent);
    expect(server.connections).toBe(2);
    expect(server.requests.at(-1)?.connection).toBe(2);
    agent.destroy();
  });

  it('holds a new connection for connectDelayMs before its first request is read; a kept one is not held again', async () => {
    server = await startFakeServer({ connectDelayMs: 120 });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    let started = Date.now();
    expect(await getModels(server, agent)).toBe(200);
    expect(server.requests[0]!.receivedAt - started).toBeGreaterThanOrEqual(115);
    started = Date.now();
    await getModels(server, agent);
    expect(server.requests[1]!.receivedAt - started).toBeLessThan(60);
    expect(server.connections).toBe(1);
    agent.destroy();
  });
});

describe('firstTextAt', () => {
  it('is when the first chunk with text went out, after the role chunk', async () => {
    server = await startFakeServer();
    server.enqueue({ kind: 'text', text: 'Hello there, friend.', chunkChars: 6, chunkIntervalMs: 40 });
    const res = await fetch(`${server.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(chatBody({ stream: true })),
    });
    await res.text();
    const [request] = server.requests;
    expect(request?.firstWriteAt).toBeDefined();
    expect(request!.firstTextAt! - request!.firstWriteAt!).toBeGreaterThanOrEqual(35);
  });
});
