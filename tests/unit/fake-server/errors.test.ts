import OpenAI from 'openai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errors, recordedDir, startFakeServer, type Scenario } from '@/tests/fake-server';
import { chatBody, postChat, useFakeServer } from '@/tests/fake-server/test-helpers';

const fixture = useFakeServer();

/** Sends a streaming chat request answered by `scenario`. */
async function answeredBy(scenario: Scenario) {
  fixture.server.enqueue(scenario);
  return postChat(fixture.server, chatBody({ stream: true }));
}

type ErrorJson = { error: { message: string; type: string; param: string | null; code: string | null } };

describe('error helpers', () => {
  it('every helper body has the four keys of the spec Error object', async () => {
    const all = [
      errors.invalidKey(),
      errors.insufficientQuota(),
      errors.rateLimited({ retryAfterSeconds: 2 }),
      errors.regionBlocked(),
      errors.contextTooLong(),
      errors.modelNotFound('gpt-x'),
      errors.serverError(),
      errors.invalidUrl(),
    ];
    for (const scenario of all) {
      const res = await answeredBy(scenario);
      expect(res.status).toBe(scenario.status);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const body = (await res.json()) as ErrorJson;
      expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
    }
  });

  it('invalidKey is the recorded 401 with www-authenticate', async () => {
    const res = await answeredBy(errors.invalidKey('<not-a-real-key>'));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="OpenAI API"');
    expect(await res.text()).toBe(
      readFileSync(join(recordedDir, 'dd-trace-py/err-401-invalid-api-key-chat-2024.body.json'), 'utf8'),
    );
  });

  it('rateLimited sends Retry-After and the limit as error.type', async () => {
    const res = await answeredBy(errors.rateLimited({ retryAfterSeconds: 7, model: 'gpt-4o' }));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.headers.get('x-ratelimit-remaining-tokens')).toBe('0');
    const { error } = (await res.json()) as ErrorJson;
    expect(error).toMatchObject({ type: 'tokens', code: 'rate_limit_exceeded', param: null });
    expect(error.message).toMatch(/^Rate limit reached for gpt-4o in organization .* Please try again in 7s\./);
    const requests = await answeredBy(errors.rateLimited({ limit: 'requests' }));
    expect(requests.headers.get('retry-after')).toBeNull();
    expect(((await requests.json()) as ErrorJson).error.type).toBe('requests');
  });

  it('insufficientQuota, regionBlocked, contextTooLong, serverError have the reported shapes', async () => {
    const quota = (await (await answeredBy(errors.insufficientQuota())).json()) as ErrorJson;
    expect(quota.error).toMatchObject({ type: 'insufficient_quota', code: 'insufficient_quota' });
    const region = await (await answeredBy(errors.regionBlocked())).text();
    expect(JSON.parse(region)).toEqual({
      error: {
        code: 'unsupported_country_region_territory',
        message: 'Country, region, or territory not supported',
        param: null,
        type: 'request_forbidden',
      },
    });
    expect(Object.keys(JSON.parse(region).error)).toEqual(['code', 'message', 'param', 'type']);
    const context = (await (
      await answeredBy(errors.contextTooLong({ maxContextTokens: 8192, messageTokens: 9000 }))
    ).json()) as ErrorJson;
    expect(context.error).toEqual({
      message:
        "This model's maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens. Please reduce the length of the messages.",
      type: 'invalid_request_error',
      param: 'messages',
      code: 'context_length_exceeded',
    });
    const server500 = (await (await answeredBy(errors.serverError())).json()) as ErrorJson;
    expect(server500.error.type).toBe('server_error');
  });

  it('map to the SDK error classes Glance will switch on', async () => {
    const cases: Array<[Scenario, unknown]> = [
      [errors.invalidKey(), OpenAI.AuthenticationError],
      [errors.insufficientQuota(), OpenAI.RateLimitError],
      [errors.rateLimited({ retryAfterSeconds: 1 }), OpenAI.RateLimitError],
      [errors.regionBlocked(), OpenAI.PermissionDeniedError],
      [errors.contextTooLong(), OpenAI.BadRequestError],
      [errors.modelNotFound('gpt-x'), OpenAI.NotFoundError],
      [errors.serverError(), OpenAI.InternalServerError],
    ];
    for (const [scenario, errorClass] of cases) {
      fixture.server.enqueue(scenario);
      const error = await fixture.client.chat.completions
        .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(errorClass);
    }
  });

  it('a custom error scenario sends its own body, headers and content type', async () => {
    const res = await answeredBy({
      kind: 'error',
      status: 413,
      body: 'Request Entity Too Large',
      contentType: 'text/plain',
      headers: { 'x-relay': 'one-api' },
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toBe('text/plain');
    expect(res.headers.get('x-relay')).toBe('one-api');
    expect(await res.text()).toBe('Request Entity Too Large');
  });
});

describe('non-API answers', () => {
  it('html: a Cloudflare-like 502 page, or a login page with 200', async () => {
    const bad = await answeredBy({ kind: 'html', status: 502 });
    expect(bad.status).toBe(502);
    expect(bad.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await bad.text()).toContain('<title>502 Bad Gateway</title>');
    const login = await answeredBy({ kind: 'html', status: 200 });
    expect(login.status).toBe(200);
    expect(await login.text()).toContain('<form');
    const gateway = await answeredBy(errors.badGateway());
    expect(gateway.status).toBe(502);
  });

  it('non-json: a 200 that is neither JSON nor SSE', async () => {
    const res = await answeredBy({ kind: 'non-json', status: 200, body: 'OK' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toBe('OK');
  });

  it('json: a provider that ignores stream: true', async () => {
    const completion = { id: 'chatcmpl-x', object: 'chat.completion', created: 1, model: 'gpt-4o-mini', choices: [] };
    const res = await answeredBy({ kind: 'json', body: completion });
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual(completion);
  });
});

describe('scripted models endpoint', () => {
  const getModels = () =>
    fetch(`${fixture.server.baseURL}/models`, { headers: { authorization: `Bearer ${fixture.server.apiKey}` } });

  it('answers a scenario, and the real list again after null or reset', async () => {
    fixture.server.setModelsResponse(errors.invalidUrl('GET', '/v1/models'));
    const missing = await getModels();
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as ErrorJson).error.message).toBe('Invalid URL (GET /v1/models)');
    fixture.server.setModelsResponse({ kind: 'html', status: 502 });
    expect((await getModels()).headers.get('content-type')).toBe('text/html; charset=utf-8');
    fixture.server.setModelsResponse(null);
    expect((await getModels()).status).toBe(200);
    fixture.server.setModelsResponse(errors.serverError());
    fixture.server.reset();
    expect((await getModels()).status).toBe(200);
  });

  it('can hang until close()', async () => {
    const local = await startFakeServer();
    local.setModelsResponse({ kind: 'hang' });
    const pending = fetch(`${local.baseURL}/models`, { headers: { authorization: `Bearer ${local.apiKey}` } }).then(
      () => 'answered',
      () => 'failed',
    );
    await local.waitForRequests(1, 2000);
    await local.close();
    expect(await pending).toBe('failed');
  });
});
