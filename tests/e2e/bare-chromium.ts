import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { chromiumArgs, chromiumPath, EXTENSION_DIR } from './harness';

/**
 * Chromium with the extension, driven over a bare DevTools connection that attaches to pages
 * only. Playwright attaches a debugger to every service worker, and an attached debugger keeps a
 * worker alive forever; tests of the worker's lifetime (keep-alive, being stopped) need this.
 */
export interface BareChromium {
  extensionId: string;
  /** Opens a URL in a new tab; returns a function that evaluates an expression there. */
  open(url: string): Promise<(expression: string) => Promise<unknown>>;
  /** Whether the extension's service worker is running right now. */
  workerRunning(): Promise<boolean>;
  close(): Promise<void>;
}

class CdpConnection {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
      const waiter = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id!);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    });
  }

  send<T = Record<string, unknown>>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ id, method, params, sessionId }));
    return new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
  }
}

async function waitForFile(file: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      if (Date.now() > deadline) throw new Error(`Chromium did not start (${file} missing)`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Launches headless Chromium with the built extension and a page-only DevTools connection. */
export async function launchBareChromium(): Promise<BareChromium> {
  const profile = mkdtempSync(path.join(tmpdir(), 'glance-bare-'));
  const child: ChildProcess = spawn(
    chromiumPath(),
    ['--headless', '--remote-debugging-port=0', `--user-data-dir=${profile}`, ...chromiumArgs(EXTENSION_DIR), 'about:blank'],
    { stdio: 'ignore' },
  );
  const [port, browserPath] = (await waitForFile(path.join(profile, 'DevToolsActivePort'), 20_000)).trim().split('\n');
  const socket = new WebSocket(`ws://127.0.0.1:${port}${browserPath}`);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const cdp = new CdpConnection(socket);

  const workerTargets = async () => {
    const { targetInfos } = await cdp.send<{ targetInfos: { type: string; url: string }[] }>('Target.getTargets');
    return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  };
  let extensionId = '';
  for (let i = 0; i < 100 && !extensionId; i += 1) {
    extensionId = new URL((await workerTargets())[0]?.url ?? 'chrome-extension://-/').host.replace('-', '');
    if (!extensionId) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!extensionId) throw new Error('the extension did not load');
  // A fresh install opens its welcome tab: closed, so that the tests start from the same tabs as before.
  const welcome = `chrome-extension://${extensionId}/welcome.html`;
  for (let waited = 0; waited < 15_000; waited += 100) {
    const { targetInfos } = await cdp.send<{ targetInfos: { targetId: string; url: string }[] }>('Target.getTargets');
    const tab = targetInfos.find((target) => target.url.startsWith(welcome));
    if (tab) {
      await cdp.send('Target.closeTarget', { targetId: tab.targetId });
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    extensionId,
    async open(url) {
      const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url });
      const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
      const evaluate = async (expression: string) => {
        const reply = await cdp.send<{ result: { value: unknown }; exceptionDetails?: { text: string } }>(
          'Runtime.evaluate',
          { expression, awaitPromise: true, returnByValue: true },
          sessionId,
        );
        if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.text);
        return reply.result.value;
      };
      // Until the page has loaded, the target may still show about:blank, without extension APIs.
      // A fixed pause was not enough on a busy machine: wait for the page itself (up to 20 s).
      const loaded = `location.href.startsWith(${JSON.stringify(url)}) && document.readyState === 'complete'`;
      for (let waited = 0; waited < 20_000 && !(await evaluate(loaded).catch(() => false)); waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return evaluate;
    },
    async workerRunning() {
      return (await workerTargets()).length > 0;
    },
    async close() {
      socket.close();
      child.kill('SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 200));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
