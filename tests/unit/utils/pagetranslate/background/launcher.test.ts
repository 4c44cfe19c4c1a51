import { describe, expect, it } from 'vitest';
import { commandPage, PAGE_SCRIPT } from '@/utils/pagetranslate/background/launcher';
import type { PageStatus } from '@/utils/pagetranslate/types';
import { DEFAULT_SETTINGS } from '@/utils/settings';

/** A tab whose page script takes a while to load, then answers every command with a status. */
function slowTab() {
  let installed = false;
  const loads: string[][] = [];
  const commands: string[] = [];
  const scripting = {
    async executeScript(injection: { files?: string[]; args?: unknown[] }) {
      if (injection.files) {
        loads.push(injection.files);
        await new Promise((resolve) => setTimeout(resolve, 30));
        installed = true;
        return [];
      }
      if (!installed) return [{ result: null }];
      const command = injection.args![1] as string;
      commands.push(command);
      const status: PageStatus = { active: command === 'start', mode: 'bilingual', translated: 0, pending: 0, tokens: 0 };
      return [{ result: status }];
    },
  };
  return { scripting: scripting as never, loads, commands };
}

describe('commands to a tab without the page script', () => {
  it('load it once when a second command arrives while it loads (the popup’s status read, then a quick click)', async () => {
    const tab = slowTab();
    const [status, started] = await Promise.all([
      commandPage(7, 'status', DEFAULT_SETTINGS, { scripting: tab.scripting }),
      commandPage(7, 'start', DEFAULT_SETTINGS, { scripting: tab.scripting }),
    ]);
    expect(tab.loads).toEqual([[PAGE_SCRIPT]]);
    expect(status.active).toBe(false);
    expect(started.active).toBe(true);
    expect(tab.commands.sort()).toEqual(['start', 'status']);
  });

  it('load it again for a later command once a load failed', async () => {
    let attempts = 0;
    const scripting = {
      async executeScript(injection: { files?: string[] }) {
        if (injection.files) {
          attempts += 1;
          throw new Error('Cannot access contents of the page');
        }
        return [{ result: null }];
      },
    };
    await expect(commandPage(8, 'start', DEFAULT_SETTINGS, { scripting: scripting as never })).rejects.toMatchObject({
      code: 'page_unreadable',
    });
    await expect(commandPage(8, 'start', DEFAULT_SETTINGS, { scripting: scripting as never })).rejects.toMatchObject({
      code: 'page_unreadable',
    });
    expect(attempts).toBe(2);
  });
});
