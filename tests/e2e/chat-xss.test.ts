import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '@/tests/fake-server';
import { answers, openChat, sendMessage, waitForAnswerEnd } from './chat-helpers';
import { configureGlance } from './configure';
import { launchGlance, type Glance } from './harness';

const vectors = JSON.parse(readFileSync('tests/fixtures/xss/vectors.json', 'utf8')) as { title: string; payload: string }[];

let server: FakeServer;
let glance: Glance;
/** A host that records every request it gets: nothing in an answer may make the popup call it. */
let canary: Server;
let canaryUrl = '';
const canaryHits: string[] = [];
/** Every request made to anything but the extension itself and the API (the worker's own calls). */
const outside: string[] = [];

beforeAll(async () => {
  canary = createServer((request, response) => {
    canaryHits.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'image/png' }).end();
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  canaryUrl = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`;
  server = await startFakeServer();
  glance = await launchGlance();
  await (await configureGlance(glance, server)).close();
  glance.context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('chrome-extension://') && !url.startsWith(`${server.url}/v1/`)) outside.push(url);
  });
});
afterAll(async () => {
  await glance?.close();
  await server?.close();
  await new Promise((resolve) => canary?.close(resolve));
});

/** Payloads that only mean something as Markdown, aimed at the canary host. */
function markdownVectors(): string[] {
  return [
    `![image](${canaryUrl}/markdown-image.png)`,
    `<img src="${canaryUrl}/raw-image.png" onerror="alert(1)">`,
    `[click](javascript:alert(document.domain))`,
    `[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
    `<javascript:alert(1)>`,
    `[ref]: javascript:alert(1)\n\n[ref link][ref]`,
    `<iframe src="${canaryUrl}/frame"></iframe>`,
    `<link rel="stylesheet" href="${canaryUrl}/style.css">`,
    `<style>@import url(${canaryUrl}/import.css); body { background: url(${canaryUrl}/bg.png) }</style>`,
    `<svg><use href="${canaryUrl}/sprite.svg#x"></use></svg>`,
    `<video poster="${canaryUrl}/poster.png"></video>`,
    '```html\n<script>alert(1)</script>\n```',
  ];
}

/** Counts alerts and CSP violations in the page: a violation means something tried to run. */
async function arm(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe = window as unknown as { __ran: string[] };
    probe.__ran = [];
    for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) {
      (window as unknown as Record<string, unknown>)[name] = () => probe.__ran.push(name);
    }
    document.addEventListener('securitypolicyviolation', (event) =>
      probe.__ran.push(`csp:${event.violatedDirective}:${event.blockedURI}`),
    );
  });
}

/** What in the rendered answers could run or load: must be nothing. */
async function dangerousNodes(page: Page): Promise<string[]> {
  return page.getByRole('log', { name: 'Conversation' }).evaluate((log) => {
    const found: string[] = [];
    const banned =
      'script,iframe,frame,object,embed,img,image,svg,math,style,link,meta,base,form,video,audio,source,track,picture,template,textarea,select';
    // Glance's own icons (inline SVG in an answer's Copy and Regenerate buttons) are not model output.
    const ownIcon = (element: Element) => element.matches('svg.icon[aria-hidden="true"]') && !!element.closest('.chat-actions');
    for (const element of log.querySelectorAll(banned)) {
      if (!ownIcon(element) && !(element.closest('svg') && ownIcon(element.closest('svg')!)))
        found.push(`<${element.localName}>`);
    }
    for (const element of log.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (
          /^on/i.test(attribute.name) ||
          /^(src|srcset|srcdoc|action|formaction|xlink:href|style|background|poster)$/i.test(attribute.name)
        ) {
          found.push(`${element.localName}[${attribute.name}]`);
        }
      }
    }
    for (const link of log.querySelectorAll('a')) {
      const href = link.getAttribute('href');
      if (href !== null && !/^(https?:|mailto:)/i.test(href)) found.push(`a[href=${href}]`);
      if (link.getAttribute('target') !== '_blank' || !/noopener/.test(link.getAttribute('rel') ?? ''))
        found.push('a without noopener');
    }
    return found;
  });
}

describe('model output is rendered inert', () => {
  it('every XSS vector as an answer, streamed and then reloaded from history, runs nothing and loads nothing', async () => {
    const page = await openChat(glance);
    await arm(page);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    // The probes catch what they are for: a load from the canary and an inline handler (blocked
    // by the page's CSP, which reports it) put into the page outside the log.
    await page.evaluate((url) => {
      const probe = document.createElement('div');
      probe.innerHTML = `<img src="${url}/probe.png" onerror="alert(1)">`;
      document.body.append(probe);
    }, canaryUrl);
    await expect.poll(() => canaryHits.length).toBe(1);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __ran: string[] }).__ran.length)).toBeGreaterThan(0);
    expect(outside).toEqual([`${canaryUrl}/probe.png`]);
    await page.evaluate(() => ((window as unknown as { __ran: string[] }).__ran = []));
    canaryHits.length = 0;
    outside.length = 0;

    const payloads = [...vectors.map((vector) => vector.payload), ...markdownVectors()];
    // Three answers: each vector alone in a paragraph, all in one run, and the Markdown ones.
    const answersText = [payloads.slice(0, 120).join('\n\n'), payloads.slice(120).join('\n\n'), payloads.join(' ')];
    for (const [index, text] of answersText.entries()) {
      server.enqueue({ kind: 'text', text, chunkChars: 24 });
      await sendMessage(page, `Show me payload set ${index + 1}.`);
      await waitForAnswerEnd(page);
    }
    expect(await answers(page).count()).toBe(3);
    // The payloads arrived as text: a sample shows up literally.
    expect(await answers(page).first().textContent()).toContain('<svg><image');
    await page.waitForTimeout(1000);

    expect(await dangerousNodes(page)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __ran: string[] }).__ran)).toEqual([]);
    expect(dialogs).toEqual([]);

    // The same conversation rendered whole from storage (the non-streaming path).
    const reloaded = await openChat(glance);
    await arm(reloaded);
    await expect.poll(() => answers(reloaded).count()).toBe(3);
    await reloaded.waitForTimeout(1000);
    expect(await dangerousNodes(reloaded)).toEqual([]);
    expect(await reloaded.evaluate(() => (window as unknown as { __ran: string[] }).__ran)).toEqual([]);

    expect(canaryHits).toEqual([]);
    expect(outside).toEqual([]);
    await reloaded.close();
    await page.close();
  });
});
