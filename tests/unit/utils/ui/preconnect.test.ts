// @vitest-environment jsdom
import { renderHook } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { preconnect, usePreconnect } from '@/utils/ui/preconnect';

const hints = () => [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="preconnect"]')].map((link) => link.href);

describe('preconnect', () => {
  beforeEach(() => {
    document.head.replaceChildren();
  });

  it('adds one hint per endpoint origin, whatever the path', () => {
    preconnect('https://api.openai.com/v1');
    preconnect('https://api.openai.com/v1/');
    preconnect('http://127.0.0.1:11434/v1');
    expect(hints()).toEqual(['https://api.openai.com/', 'http://127.0.0.1:11434/']);
  });

  it('opens the endpoint a base URL typed without a scheme resolves to, as the background does', () => {
    preconnect('api.deepseek.com');
    preconnect('localhost:11434');
    expect(hints()).toEqual(['https://api.deepseek.com/', 'http://localhost:11434/']);
  });

  it('tells ports apart', () => {
    preconnect('http://127.0.0.1:8080/v1');
    preconnect('http://127.0.0.1:18080/v1');
    expect(hints()).toHaveLength(2);
  });

  it('ignores what is not an http(s) address', () => {
    preconnect('');
    preconnect('not a url');
    preconnect('javascript:alert(1)');
    preconnect('file:///etc/passwd');
    expect(hints()).toEqual([]);
  });
});

describe('usePreconnect', () => {
  beforeEach(() => {
    document.head.replaceChildren();
  });

  it('opens nothing until a key is connected and the settings are read, then the endpoint of the settings', () => {
    const { rerender } = renderHook((props: { baseURL?: string; ready?: boolean }) => usePreconnect(props.baseURL, props.ready), {
      initialProps: { baseURL: undefined as string | undefined, ready: true as boolean | undefined },
    });
    expect(hints()).toEqual([]);
    rerender({ baseURL: 'https://relay.example.com/v1', ready: false });
    expect(hints()).toEqual([]);
    rerender({ baseURL: 'https://relay.example.com/v1', ready: true });
    expect(hints()).toEqual(['https://relay.example.com/']);
  });
});
