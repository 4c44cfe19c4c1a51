import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { requestHostAccess } from '@/utils/llm/host-access';

afterEach(() => vi.restoreAllMocks());

describe('requestHostAccess', () => {
  it('asks for the host of the endpoint, any port', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    expect(await requestHostAccess('https://relay.example.com:8443')).toBe(true);
    expect(request).toHaveBeenCalledWith({ origins: ['https://relay.example.com/*'] });
  });

  it('reports a refusal', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    expect(await requestHostAccess('https://relay.example.com')).toBe(false);
  });

  it('outside a user gesture (Firefox refuses to ask), answers with the access already granted', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockRejectedValue(
      new Error('permissions.request may only be called from a user input handler'),
    );
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    expect(await requestHostAccess('http://127.0.0.1:8787')).toBe(true);
    expect(contains).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
    contains.mockResolvedValue(false);
    expect(await requestHostAccess('https://relay.example.com')).toBe(false);
  });
});
