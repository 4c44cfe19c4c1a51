import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The full fixture corpora (pages, translation pairs...) live outside the repository, in
 * ../shared/fixtures, or wherever GLANCE_FIXTURES points. Exits with a clear message when absent.
 */
export function sharedFixtures(sub: string): string {
  const root = process.env.GLANCE_FIXTURES ?? path.resolve('../shared/fixtures');
  const dir = path.join(root, sub);
  if (!existsSync(dir)) {
    console.error(`This benchmark needs the fixture corpus at ${dir}. Put it there or set GLANCE_FIXTURES.`);
    process.exit(2);
  }
  return dir;
}
