import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A page the test serves: body, and optional extra headers (e.g. a strict CSP). */
export interface TestPage {
  html: string;
  headers?: Record<string, string>;
}

export interface PageServer {
  /** 'http://127.0.0.1:PORT' */
  url: string;
  /** Adds or replaces the page at `path` ('/article.html'). */
  set(path: string, page: TestPage): void;
  close(): Promise<void>;
}

/** Serves test pages on 127.0.0.1 (a host Glance may read without asking). */
export async function startPageServer(pages: Record<string, TestPage> = {}): Promise<PageServer> {
  const routes = new Map(Object.entries(pages));
  const server: Server = createServer((request, response) => {
    const page = routes.get(new URL(request.url ?? '/', 'http://x').pathname);
    if (!page) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...page.headers }).end(page.html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    set: (path, page) => routes.set(path, page),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
