import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { isReasoningModel } from '@/tests/fake-server';
import { modelNotFoundBody } from '@/tests/fake-server/api-errors';
import { toParam } from '@/tests/fake-server/schema-error-wording';
import { chatBody, postChat, useFakeServer } from '@/tests/fake-server/test-helpers';

const fixture = useFakeServer();

async function expectRejected(body: Record<string, unknown> | string, error: Record<string, unknown>) {
  const res = await postChat(fixture.server, body);
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(await res.json()).toEqual({ error: { type: 'invalid_request_error', ...error } });
  expect(fixture.server.validationErrors).toHaveLength(1);
  expect(fixture.server.validationErrors[0]).toContain(String(error.message));
}

describe('valid bodies are accepted', () => {
  const valid: Array<[string, Record<string, unknown>]> = [
    ['minimal', chatBody()],
    [
      'streaming with usage, limits and temperature',
      chatBody({ stream: true, stream_options: { include_usage: true }, max_completion_tokens: 500, temperature: 0.2 }),
    ],
    [
      'system + history + nulls',
      chatBody({
        messages: [
          { role: 'system', content: 'Summarize the page.' },
          { role: 'user', content: 'Page: ...' },
          { role: 'assistant', content: 'A summary.' },
          { role: 'user', content: 'Shorter please.', name: 'reader' },
        ],
        max_tokens: 256,
        top_p: 1,
        stop: null,
        max_completion_tokens: null,
        stream_options: null,
        user: 'glance',
      }),
    ],
    [
      'developer message and content parts',
      chatBody({
        model: 'gpt-4.1-mini',
        messages: [
          { role: 'developer', content: [{ type: 'text', text: 'Translate to Chinese.' }] },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is this?' },
              { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'low' } },
            ],
          },
        ],
      }),
    ],
    [
      'reasoning model with its own parameters',
      chatBody({ model: 'gpt-5-mini', max_completion_tokens: 2000, temperature: 1, reasoning_effort: 'low' }),
    ],
    [
      '-chat variant accepts max_tokens and temperature',
      chatBody({ model: 'gpt-5-chat-latest', max_tokens: 100, temperature: 0.3 }),
    ],
  ];
  it.each(valid)('%s', async (_name, body) => {
    const res = await postChat(fixture.server, body);
    expect(res.status).toBe(200);
    expect(fixture.server.validationErrors).toEqual([]);
  });

  it('accepts what the SDK sends', async () => {
    const client = new OpenAI({ apiKey: fixture.server.apiKey, baseURL: fixture.server.baseURL, maxRetries: 0 });
    const stream = await client.chat.completions.create({
      model: 'o3-mini',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
      max_completion_tokens: 100,
    });
    for await (const chunk of stream) void chunk;
    expect(fixture.server.validationErrors).toEqual([]);
  });
});

describe('schema violations are rejected like the real API', () => {
  it('empty messages', () =>
    expectRejected(chatBody({ messages: [] }), {
      message: "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      param: 'messages',
      code: 'empty_array',
    }));

  it('unknown role', () =>
    expectRejected(chatBody({ messages: [{ role: 'bot', content: 'hi' }] }), {
      message: "Invalid value: 'bot'. Supported values are: 'developer', 'system', 'user', 'assistant', 'tool', and 'function'.",
      param: 'messages[0].role',
      code: 'invalid_value',
    }));

  it('missing model and missing content', async () => {
    await expectRejected(
      { messages: [{ role: 'user', content: 'hi' }] },
      {
        message: "Missing required parameter: 'model'.",
        param: 'model',
        code: 'missing_required_parameter',
      },
    );
    fixture.server.reset();
    await expectRejected(chatBody({ messages: [{ role: 'user' }] }), {
      message: "Missing required parameter: 'messages[0].content'.",
      param: 'messages[0].content',
      code: 'missing_required_parameter',
    });
  });

  it('wrong types and out-of-range numbers', async () => {
    await expectRejected(chatBody({ messages: [{ role: 'user', content: 42 }] }), {
      message: "Invalid type for 'messages[0].content': expected one of a string or an array, but got an integer instead.",
      param: 'messages[0].content',
      code: 'invalid_type',
    });
    fixture.server.reset();
    await expectRejected(chatBody({ temperature: 2.5 }), {
      message: "Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got 2.5 instead.",
      param: 'temperature',
      code: 'decimal_above_max_value',
    });
    fixture.server.reset();
    await expectRejected(chatBody({ stream: 'yes' }), {
      message: "Invalid type for 'stream': expected one of a boolean or null, but got a string instead.",
      param: 'stream',
      code: 'invalid_type',
    });
  });

  it('a bad content part inside an array', () =>
    expectRejected(
      chatBody({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'a' },
              { type: 'video', url: 'x' },
            ],
          },
        ],
      }),
      {
        message: "Invalid value: 'video'. Supported values are: 'text', 'image_url', 'input_audio', and 'file'.",
        param: 'messages[0].content[1].type',
        code: 'invalid_value',
      },
    ));

  it('unknown top-level arguments', () =>
    expectRejected(chatBody({ thinking: { type: 'enabled' } }), {
      message: 'Unrecognized request argument supplied: thinking',
      param: null,
      code: null,
    }));

  it('stream_options without stream', () =>
    expectRejected(chatBody({ stream_options: { include_usage: true } }), {
      message: "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
      param: 'stream_options',
      code: null,
    }));

  it('a body that is not JSON', async () => {
    const res = await postChat(fixture.server, '{"model": "gpt-4o-mini",');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/^We could not parse the JSON body of your request/);
    expect(fixture.server.validationErrors).toHaveLength(1);
  });

  it('names nested parameters the way the API does', () => {
    expect(toParam('/messages/0/content/1/type')).toBe('messages[0].content[1].type');
    expect(toParam('', 'model')).toBe('model');
    expect(toParam('/response_format', 'json_schema')).toBe('response_format.json_schema');
  });
});

describe('reasoning model rules', () => {
  it('knows which models are reasoning models', () => {
    expect(['o1', 'o3-mini', 'o4-mini', 'gpt-5', 'gpt-5-mini'].every(isReasoningModel)).toBe(true);
    expect(['gpt-4o', 'gpt-4.1-mini', 'gpt-3.5-turbo', 'gpt-5-chat-latest'].some(isReasoningModel)).toBe(false);
  });

  it('refuses max_tokens', () =>
    expectRejected(chatBody({ model: 'o3-mini', max_tokens: 100 }), {
      message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
      param: 'max_tokens',
      code: 'unsupported_parameter',
    }));

  it('refuses a temperature other than 1', () =>
    expectRejected(chatBody({ model: 'gpt-5-mini', temperature: 0.2 }), {
      message: "Unsupported value: 'temperature' does not support 0.2 with this model. Only the default (1) value is supported.",
      param: 'temperature',
      code: 'unsupported_value',
    }));

  it('surfaces as BadRequestError in the SDK', async () => {
    const client = new OpenAI({ apiKey: fixture.server.apiKey, baseURL: fixture.server.baseURL, maxRetries: 0 });
    const error = await client.chat.completions
      .create({ model: 'o4-mini', messages: [{ role: 'user', content: 'hi' }], max_tokens: 10, stream: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('max_tokens');
  });
});

describe('unknown models', () => {
  it('answer 404 with the recorded model_not_found body, not counted as a malformed body', async () => {
    const res = await postChat(fixture.server, chatBody({ model: 'gpt-4o-minii', stream: true }));
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(text).toBe(modelNotFoundBody('gpt-4o-minii'));
    expect(JSON.parse(text)).toEqual({
      error: {
        code: 'model_not_found',
        message: 'The model `gpt-4o-minii` does not exist or you do not have access to it.',
        param: null,
        type: 'invalid_request_error',
      },
    });
    expect(fixture.server.validationErrors).toEqual([]);
  });

  it('surface as NotFoundError in the SDK', async () => {
    const client = new OpenAI({ apiKey: fixture.server.apiKey, baseURL: fixture.server.baseURL, maxRetries: 0 });
    const error = await client.chat.completions
      .create({ model: 'gpt-6-ultra', messages: [{ role: 'user', content: 'hi' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect((error as InstanceType<typeof OpenAI.NotFoundError>).code).toBe('model_not_found');
  });
});
