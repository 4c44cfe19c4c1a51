/**
 * A minimal client for Firefox's Marionette protocol: enough to install Glance as a temporary
 * add-on, open its pages (WebDriver BiDi may not navigate to moz-extension: addresses; the
 * browser's own chrome context may), and run scripts in them. Firefox is started with
 * `--marionette -remote-allow-system-access` on a fresh profile.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Firefox {
  /** Sends one Marionette command; resolves with its result, rejects with its error. */
  send<T = unknown>(name: string, params?: Record<string, unknown>): Promise<T>;
  /** Runs `script` (a function body) in the current tab's page and returns its value. */
  run<T = unknown>(script: string, args?: unknown[]): Promise<T>;
  /** Runs `script` until it returns something truthy; that value. */
  until<T = unknown>(script: string, args?: unknown[], timeoutMs?: number): Promise<T>;
  /** Opens `url` in a new tab (from the chrome context, so extension pages too) and switches to it. */
  openTab(url: string): Promise<void>;
  /** Switches to the first tab whose address starts with `prefix`. */
  switchTo(prefix: string): Promise<void>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function launchFirefox(options: {
  binary: string;
  prefs: Record<string, unknown>;
  port?: number;
}): Promise<Firefox> {
  const port = options.port ?? 2828;
  const profile = mkdtempSync(path.join(tmpdir(), 'glance-firefox-'));
  const prefs = {
    ...options.prefs,
    'marionette.port': port,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
  };
  writeFileSync(
    path.join(profile, 'user.js'),
    Object.entries(prefs)
      .map(([key, value]) => `user_pref(${JSON.stringify(key)}, ${JSON.stringify(value)});`)
      .join('\n'),
  );
  const child: ChildProcess = spawn(
    options.binary,
    ['--headless', '--marionette', '-remote-allow-system-access', '--no-remote', '--profile', profile],
    { stdio: 'ignore' },
  );

  const socket = await connect(port);
  let buffer = Buffer.alloc(0);
  const waiting = new Map<number, (message: unknown[]) => void>();
  let greeted: () => void = () => {};
  const greeting = new Promise<void>((resolve) => (greeted = resolve));
  // Messages are `length:json`, the length in bytes.
  socket.on('data', (data: Buffer) => {
    buffer = Buffer.concat([buffer, data]);
    for (;;) {
      const colon = buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(buffer.subarray(0, colon).toString());
      if (buffer.length < colon + 1 + length) return;
      const message = JSON.parse(buffer.subarray(colon + 1, colon + 1 + length).toString()) as unknown;
      buffer = buffer.subarray(colon + 1 + length);
      if (Array.isArray(message)) waiting.get(message[1] as number)?.(message);
      else greeted();
    }
  });
  await greeting;

  let lastId = 0;
  const send = <T>(name: string, params: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = ++lastId;
      waiting.set(id, (message) => {
        waiting.delete(id);
        if (message[2]) reject(new Error(`${name}: ${JSON.stringify(message[2]).slice(0, 500)}`));
        else resolve(message[3] as T);
      });
      const body = JSON.stringify([0, id, name, params]);
      socket.write(`${Buffer.byteLength(body)}:${body}`);
    });
  const run = async <T>(script: string, args: unknown[] = []) =>
    (await send<{ value: T }>('WebDriver:ExecuteScript', { script, args })).value;
  const until = async <T>(script: string, args: unknown[] = [], timeoutMs = 20_000) => {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const value = await run<T>(script, args).catch(() => undefined);
      if (value) return value;
      if (Date.now() > end) throw new Error(`timed out waiting for: ${script.slice(0, 200)}`);
      await sleep(200);
    }
  };
  const handles = () => send<string[]>('WebDriver:GetWindowHandles');
  const loaded = (url: string) => until(`return location.href === arguments[0] && document.readyState === 'complete'`, [url]);

  await send('WebDriver:NewSession', { capabilities: {} });
  return {
    send,
    run,
    until,
    async openTab(url) {
      const before = await handles();
      await send('Marionette:SetContext', { value: 'chrome' });
      await send('WebDriver:ExecuteScript', {
        script: `const win = Services.wm.getMostRecentWindow('navigator:browser');
          win.gBrowser.selectedTab = win.gBrowser.addTab(arguments[0], { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });`,
        args: [url],
      });
      await send('Marionette:SetContext', { value: 'content' });
      for (let i = 0; i < 50; i += 1) {
        const fresh = (await handles()).find((handle) => !before.includes(handle));
        if (fresh) {
          await send('WebDriver:SwitchToWindow', { handle: fresh });
          await loaded(url);
          return;
        }
        await sleep(200);
      }
      throw new Error(`no tab opened for ${url}`);
    },
    async switchTo(prefix) {
      for (const handle of await handles()) {
        await send('WebDriver:SwitchToWindow', { handle });
        if ((await run<string>('return location.href')).startsWith(prefix)) return;
      }
      throw new Error(`no tab at ${prefix}`);
    },
    async close() {
      await send('Marionette:Quit', { flags: ['eForceQuit'] }).catch(() => {});
      socket.destroy();
      child.kill('SIGKILL');
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function connect(port: number): Promise<net.Socket> {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    const socket = await new Promise<net.Socket | undefined>((resolve) => {
      const candidate = net.connect(port, '127.0.0.1', () => resolve(candidate));
      candidate.on('error', () => resolve(undefined));
    });
    if (socket) return socket;
    await sleep(250);
  }
  throw new Error(`Firefox did not open Marionette on port ${port}`);
}
