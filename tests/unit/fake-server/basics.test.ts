import OpenAI from 'openai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_API_KEY, DEFAULT_MODELS, maskApiKey, recordedDir, startFakeServer } from '@/tests/fake-server';
import { chatBody, postChat, useFakeServer } from '@/tests/fake-server/test-helpers';

const fixture = useFakeServer();

describe('startup', () => {
  it('listens on 127.0.0.1 with a random port and the default key', () => {
    expect(fixture.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(fixture.server.baseURL).toBe(`${fixture.server.url}/v1`);
    expect(fixture.server.apiKey).toBe('sk-test-glance-0000000000000000');
    expect(DEFAULT_API_KEY).toBe(fixture.server.apiKey);
  });

  it('takes a key, a port and models', async () => {
    const probe = await startFakeServer();
    const port = Number(new URL(probe.url).port);
    await probe.close();
    const custom = await startFakeServer({ apiKey: 'sk-custom-1234567890', port, models: ['my-model'] });
    try {
      expect(custom.url).toBe(`http://127.0.0.1:${port}`);
      const client = new OpenAI({ apiKey: 'sk-custom-1234567890', baseURL: custom.baseURL, maxRetries: 0 });
      const page = await client.models.list();
      expect(page.data.map((m) => m.id)).toEqual(['my-model']);
    } finally {
      await custom.close();
    }
  });
});

describe('GET /v1/models', () => {
  it('answers a ListModelsResponse with the default models', async () => {
    const res = await fetch(`${fixture.server.baseURL}/models`, {
      headers: { authorization: `Bearer ${fixture.server.apiKey}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await res.json()) as { object: string; data: Array<Record<string, unknown>> };
    expect(body.object).toBe('list');
    for (const id of ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1-mini', 'gpt-5-mini', 'gpt-3.5-turbo', 'o3-mini']) {
      expect(body.data.map((m) => m.id)).toContain(id);
    }
    expect(body.data).toHaveLength(DEFAULT_MODELS.length);
    for (const model of body.data) {
      expect(Object.keys(model)).toEqual(['id', 'object', 'created', 'owned_by']);
      expect(model.object).toBe('model');
      expect(typeof model.created).toBe('number');
    }
  });

  it('works through the openai SDK', async () => {
    const client = new OpenAI({ apiKey: fixture.server.apiKey, baseURL: fixture.server.baseURL });
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toContain('gpt-4o-mini');
  });
});

describe('unknown paths and CORS', () => {
  it('answers 404 with the real Invalid URL body', async () => {
    const res = await fetch(`${fixture.server.baseURL}/xyz`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.json()).toEqual({
      error: { message: 'Invalid URL (POST /v1/xyz)', type: 'invalid_request_error', param: null, code: null },
    });
    const noPrefix = await fetch(`${fixture.server.url}/chat/completions`, { method: 'POST', body: '{}' });
    expect(noPrefix.status).toBe(404);
    expect(((await noPrefix.json()) as { error: { message: string } }).error.message).toBe(
      'Invalid URL (POST /chat/completions)',
    );
  });

  it('answers CORS preflights and sends access-control-allow-origin on answers', async () => {
    const res = await fetch(`${fixture.server.baseURL}/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'chrome-extension://abc',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,x-stainless-os',
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization,content-type,x-stainless-os');
    expect(fixture.server.requests).toHaveLength(0); // preflights are not recorded
    const answer = await postChat(fixture.server, chatBody());
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
  });
});

describe('authentication', () => {
  const recorded401 = readFileSync(join(recordedDir, 'dd-trace-py/err-401-invalid-api-key-chat-2024.body.json'), 'utf8');

  it('answers a wrong key with the recorded 401 body, the key masked like OpenAI does', async () => {
    const res = await postChat(fixture.server, chatBody(), { authorization: 'Bearer <not-a-real-key>' });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="OpenAI API"');
    expect(await res.text()).toBe(recorded401); // the recording's own key gives the recording's bytes
  });

  it('masks other keys as first 8 + **** + last 4, and answers JSON even for stream: true', async () => {
    expect(maskApiKey('sk-proj-abcdefghijklmnop1234')).toBe('sk-proj-****1234');
    const res = await postChat(fixture.server, chatBody({ stream: true }), {
      authorization: 'Bearer sk-proj-abcdefghijklmnop1234',
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({
      error: {
        message:
          'Incorrect API key provided: sk-proj-****1234. You can find your API key at https://platform.openai.com/account/api-keys.',
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      },
    });
  });

  it('accepts the Azure-style api-key header and refuses a missing key', async () => {
    const azure = await postChat(fixture.server, chatBody(), { authorization: '', 'api-key': fixture.server.apiKey });
    expect(azure.status).toBe(200);
    const missing = await postChat(fixture.server, chatBody(), { authorization: '' });
    expect(missing.status).toBe(401);
    const body = (await missing.json()) as { error: { message: string; code: unknown } };
    expect(body.error.message).toMatch(/^You didn't provide an API key/);
    const models = await fetch(`${fixture.server.baseURL}/models`);
    expect(models.status).toBe(401);
  });

  it('surfaces as AuthenticationError in the SDK', async () => {
    const client = new OpenAI({ apiKey: 'sk-wrong-api-key', baseURL: fixture.server.baseURL, maxRetries: 0 });
    const error = await client.chat.completions.create({ ...chatBody(), stream: true } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((error as InstanceType<typeof OpenAI.AuthenticationError>).code).toBe('invalid_api_key');
  });
});

describe('default answer, queue and request log', () => {
  it('echoes the last user message by default', async () => {
    const client = new OpenAI({ apiKey: fixture.server.apiKey, baseURL: fixture.server.baseURL });
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Summarize this page about the history of the printing press in Europe.' },
      ],
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0].message.content).toBe('Echo: Summarize this page about the history of');
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);
  });

  it('uses queued scenarios once each, in order, then the default', async () => {
    fixture.server.enqueue({ kind: 'text', text: 'first' }, { kind: 'text', text: 'second' });
    fixture.server.setDefault({ kind: 'text', text: 'default' });
    const texts: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await postChat(fixture.server, chatBody());
      texts.push(((await res.json()) as { choices: Array<{ message: { content: string } }> }).choices[0].message.content);
    }
    expect(texts).toEqual(['first', 'second', 'default', 'default']);
    fixture.server.reset();
    const res = await postChat(fixture.server, chatBody());
    expect(((await res.json()) as { choices: Array<{ message: { content: string } }> }).choices[0].message.content).toBe(
      'Echo: Hello there',
    );
  });

  it('records method, path, headers, parsed body and time', async () => {
    const before = Date.now();
    await postChat(fixture.server, chatBody({ user: 'glance-test' }), { 'x-custom': 'yes' });
    expect(fixture.server.requests).toHaveLength(1);
    const [request] = fixture.server.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers['x-custom']).toBe('yes');
    expect(request.headers.authorization).toBe(`Bearer ${fixture.server.apiKey}`);
    expect(request.body).toEqual(chatBody({ user: 'glance-test' }));
    expect(request.receivedAt).toBeGreaterThanOrEqual(before);
  });

  it('waitForRequests resolves when requests arrive and rejects on timeout', async () => {
    const waiting = fixture.server.waitForRequests(2, 2000);
    void postChat(fixture.server, chatBody());
    void fetch(`${fixture.server.baseURL}/models`, { headers: { authorization: `Bearer ${fixture.server.apiKey}` } });
    expect((await waiting).map((r) => r.path).sort()).toEqual(['/v1/chat/completions', '/v1/models']);
    const onlyChat = await fixture.server.waitForRequests(1, 100, (r) => r.path === '/v1/chat/completions');
    expect(onlyChat).toHaveLength(1);
    await expect(fixture.server.waitForRequests(5, 50)).rejects.toThrow(/expected 5 request/);
  });
});
