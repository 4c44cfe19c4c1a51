import { describe, expect, it } from 'vitest';
import { isLocalHost, originPattern, resolveBaseURL } from '@/utils/llm/endpoint';
import { AppError } from '@/utils/errors';

describe('resolveBaseURL', () => {
  it('resolves a bare host, /v1 and a full operation path to the same endpoint', () => {
    const forms = [
      'api.deepseek.com',
      'https://api.deepseek.com',
      'https://api.deepseek.com/',
      'https://api.deepseek.com/v1',
      'https://api.deepseek.com/v1/',
      'https://api.deepseek.com/v1/chat/completions',
      '  https://api.deepseek.com/v1/chat/completions/  ',
      'https://api.deepseek.com/v1/models',
    ];
    for (const form of forms) expect(resolveBaseURL(form).baseURL, form).toBe('https://api.deepseek.com/v1');
  });

  it('keeps provider paths that are not /v1', () => {
    expect(resolveBaseURL('https://open.bigmodel.cn/api/paas/v4/chat/completions').baseURL).toBe(
      'https://open.bigmodel.cn/api/paas/v4',
    );
    expect(resolveBaseURL('dashscope.aliyuncs.com/compatible-mode/v1').baseURL).toBe(
      'https://dashscope.aliyuncs.com/compatible-mode/v1',
    );
    expect(resolveBaseURL('https://my-res.openai.azure.com').baseURL).toBe('https://my-res.openai.azure.com/openai/v1');
  });

  it('chooses https for remote hosts and http for this computer when no scheme is typed', () => {
    expect(resolveBaseURL('relay.example.com/v1')).toMatchObject({
      baseURL: 'https://relay.example.com/v1',
      schemeAdded: true,
      insecure: false,
    });
    expect(resolveBaseURL('localhost:11434')).toMatchObject({
      baseURL: 'http://localhost:11434/v1',
      host: 'localhost:11434',
      schemeAdded: true,
      insecure: false,
    });
    expect(resolveBaseURL('127.0.0.1:8080/v1').baseURL).toBe('http://127.0.0.1:8080/v1');
  });

  it('flags plain http to a remote host, where the key would travel unencrypted', () => {
    expect(resolveBaseURL('http://relay.example.com/v1').insecure).toBe(true);
    expect(resolveBaseURL('http://127.0.0.1:9/v1').insecure).toBe(false);
  });

  it('drops query strings and fragments', () => {
    expect(resolveBaseURL('https://x.example/v1/?a=1#b').baseURL).toBe('https://x.example/v1');
  });

  it.each(['', '   ', 'not a url', 'ftp://example.com/v1', 'javascript:alert(1)', 'https://user:pw@example.com/v1', 'https://'])(
    'refuses %j with invalid_base_url',
    (input) => {
      expect(() => resolveBaseURL(input)).toThrowError(AppError);
      try {
        resolveBaseURL(input);
      } catch (error) {
        expect((error as AppError).code).toBe('invalid_base_url');
      }
    },
  );
});

describe('isLocalHost / originPattern', () => {
  it('recognises loopback names', () => {
    expect(isLocalHost('localhost')).toBe(true);
    expect(isLocalHost('127.0.0.1')).toBe(true);
    expect(isLocalHost('[::1]')).toBe(true);
    expect(isLocalHost('localhost.example.com')).toBe(false);
    expect(isLocalHost('10.0.0.1')).toBe(false);
  });

  it('builds a match pattern without the port', () => {
    expect(originPattern('http://127.0.0.1:8787')).toBe('http://127.0.0.1/*');
    expect(originPattern('https://api.openai.com')).toBe('https://api.openai.com/*');
  });
});
