import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errors, type FakeServer, providerScenario } from '@/tests/fake-server';
import { answers, openChat, sendMessage, waitForAnswerEnd } from './chat-helpers';
import { closeAll, startConfiguredGlance } from './configure';
import type { Glance } from './harness';

// One provider recording per quirk family (tests/fixtures/providers/), through the popup chat.
let server: FakeServer;
let glance: Glance;

beforeAll(async () => ({ server, glance } = await startConfiguredGlance()));
afterAll(() => closeAll(glance, server));
beforeEach(() => server.reset());

async function ask(file: string, question: string) {
  const page = await openChat(glance);
  await page.getByRole('button', { name: 'New chat' }).click();
  server.enqueue(providerScenario(file, { chunkIntervalMs: file.startsWith('azure') ? undefined : 10 }));
  await sendMessage(page, question);
  await waitForAnswerEnd(page);
  return { page, answer: answers(page).last() };
}

describe('real providers in the popup chat', () => {
  it('reasoning: DeepSeek reasoning_content is not shown as the answer; its usage is the reported one', async () => {
    const { page, answer } = await ask('deepseek-reasoner-stream.sse', 'Hello');
    await expect.poll(() => answer.textContent()).toContain('Hello there! 😊 How can I help you today?');
    expect(await answer.textContent()).not.toContain('Hmm, the user');
    expect(await answer.getByLabel('Usage of this answer').textContent()).toMatch(/\b6 tokens in · 212 out/);
    await page.close();
  });

  it('usage placement: Moonshot usage inside choices[0].usage is shown, not estimated', async () => {
    const { page, answer } = await ask('moonshot-stream-choice-usage.synthetic.sse', 'Hi Kimi');
    await expect.poll(() => answer.textContent()).toContain('Hello from Kimi.');
    const usage = await answer.getByLabel('Usage of this answer').textContent();
    expect(usage).toMatch(/\b19 tokens in · 5 out/);
    expect(usage).not.toContain('≈');
    await page.close();
  });

  it('stream framing: TGI without [DONE] ends cleanly and its </s> does not leak', async () => {
    const { page, answer } = await ask('hf-tgi-stream-data-no-space.sse', 'What is 1 + 1?');
    await expect.poll(() => answer.textContent()).toContain('The answer to the equation 1 + 1 is 2.');
    expect(await answer.textContent()).not.toContain('</s>');
    expect(await answer.getByRole('alert').count()).toBe(0);
    await page.close();
  });

  it('stream framing: OpenRouter comment lines mid-stream are skipped', async () => {
    const { page, answer } = await ask('openrouter-stream-processing-comments.sse', 'What is 2+2?');
    await expect.poll(() => answer.textContent()).toContain('2 + 2 = 4');
    expect(await answer.textContent()).not.toContain('OPENROUTER');
    await page.close();
  });

  it('in-stream error: OpenRouter error {code: 400} is a typed error, sent once', async () => {
    const { page, answer } = await ask('openrouter-stream-error-400.synthetic.sse', 'Long question');
    const alert = answer.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('prompt is too long for this provider');
    expect(await alert.getAttribute('data-code')).toBe('bad_request');
    expect(server.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(1);
    await page.close();
  });

  it('unwrapped and balance errors: SiliconFlow 402 is out of credit; a relay without a channel says so', async () => {
    const credit = await ask('siliconflow-error-402-insufficient-balance.json', 'Hi');
    await expect.poll(() => credit.answer.getByRole('alert').getAttribute('data-code')).toBe('quota_exceeded');
    expect(await credit.answer.getByRole('alert').textContent()).toContain('no credit left');
    await credit.page.close();

    const relay = await ask('newapi-error-503-no-channel.json', 'Hi');
    const alert = relay.answer.getByRole('alert');
    await expect.poll(() => alert.getAttribute('data-code')).toBe('relay_no_channel');
    expect(await alert.textContent()).toContain('无可用渠道');
    await relay.page.close();
  });

  it('a tool-call-only answer says so instead of showing a blank answer', async () => {
    const { page, answer } = await ask('tool-call-only-stream.synthetic.sse', 'Search the web');
    await expect.poll(() => answer.getByRole('alert').textContent()).toContain('only with a tool call');
    await page.close();
  });

  it('a 429 with Retry-After: 120 says how long to wait and offers "Retry in 2 min"', async () => {
    const page = await openChat(glance);
    await page.getByRole('button', { name: 'New chat' }).click();
    server.enqueue(errors.rateLimited({ retryAfterSeconds: 120 }));
    await sendMessage(page, 'Hi');
    await waitForAnswerEnd(page);
    const alert = answers(page).last().getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('wait 2 min before trying again');
    const retry = alert.getByRole('button', { name: 'Retry in 2 min' });
    expect(await retry.isDisabled()).toBe(true);
    expect(server.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(1);
    await page.close();
  });
});
