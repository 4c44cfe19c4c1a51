/**
 * Runs the fake server for a person: try Glance without an OpenAI key.
 *
 *   npx tsx tests/fake-server/cli.ts [--port 8787] [--key sk-...] [--interval 30] [--text "fixed answer"]
 *
 * Put the printed base URL and key in Glance's options. Every answer echoes the last user message
 * (or --text), streamed word by word. Ctrl-C stops it.
 */
import { parseArgs } from 'node:util';
import { startFakeServer } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    key: { type: 'string' },
    interval: { type: 'string', default: '30' },
    text: { type: 'string' },
  },
});

const chunkIntervalMs = Number(values.interval);
const server = await startFakeServer({ port: Number(values.port), apiKey: values.key, chunkIntervalMs });
if (values.text) server.setDefault({ kind: 'text', text: values.text, chunkIntervalMs });

console.log(`Fake OpenAI-compatible API listening (127.0.0.1 only)
  base URL: ${server.baseURL}
  API key:  ${server.apiKey}
Press Ctrl-C to stop.`);

const seen = { requests: 0, problems: 0 };
// Show each request as it arrives, and any body the real API would have rejected.
const timer = setInterval(() => {
  for (const request of server.requests.slice(seen.requests)) {
    const model = (request.body as { model?: string } | undefined)?.model;
    const time = new Date(request.receivedAt).toISOString();
    console.log(`${time} ${request.method} ${request.path}${model ? ` (${model})` : ''}`);
  }
  for (const problem of server.validationErrors.slice(seen.problems)) console.log(`  rejected: ${problem}`);
  seen.requests = server.requests.length;
  seen.problems = server.validationErrors.length;
}, 250);

async function stop(): Promise<void> {
  clearInterval(timer);
  await server.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
