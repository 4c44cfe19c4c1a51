import { createServer, type Server } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A binary body, whole or the byte range asked for ("bytes=START-" or "bytes=START-END"). */
function sendBytes(range: string | undefined, bytes: Uint8Array, headers: Record<string, string>, response: ServerResponse) {
  const match = /^bytes=(\d+)-(\d*)$/.exec(range ?? '');
  const base = { 'accept-ranges': 'bytes', ...headers };
  if (!match) return void response.writeHead(200, { ...base, 'content-length': bytes.length }).end(bytes);
  const start = Number(match[1]);
  const end = Math.min(bytes.length - 1, match[2] ? Number(match[2]) : bytes.length - 1);
  const part = bytes.subarray(start, end + 1);
  response.writeHead(206, { ...base, 'content-range': `bytes ${start}-${end}/${bytes.length}`, 'content-length': part.length });
  response.end(part);
}

/** A page the test serves: body, and optional extra headers (e.g. a strict CSP). */
export interface TestPage {
  html: string;
  headers?: Record<string, string>;
  /** Served instead of `html`, with `headers` giving its content-type; byte ranges are answered (media seeking). */
  bytes?: Uint8Array;
}

export interface PageServer {
  /** 'http://127.0.0.1:PORT' */
  url: string;
  /** Adds or replaces the page at `path` ('/article.html'). */
  set(path: string, page: TestPage): void;
  /** The path and query of every request it received, in order. */
  requested: string[];
  close(): Promise<void>;
}

/** Serves test pages on 127.0.0.1 (a host Glance may read without asking). */
export async function startPageServer(pages: Record<string, TestPage> = {}): Promise<PageServer> {
  const routes = new Map(Object.entries(pages));
  const requested: string[] = [];
  const server: Server = createServer((request, response) => {
    requested.push(request.url ?? '/');
    const page = routes.get(new URL(request.url ?? '/', 'http://x').pathname);
    if (!page) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (page.bytes) return sendBytes(request.headers.range, page.bytes, page.headers ?? {}, response);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...page.headers }).end(page.html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    set: (path, page) => routes.set(path, page),
    requested,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
