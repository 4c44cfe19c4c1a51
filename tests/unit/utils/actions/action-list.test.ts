import { beforeEach, describe, expect, it } from 'vitest';
import { builtinText, defaultActions, resolveAction, unresolveAction } from '@/utils/actions/builtins';
import {
  exportActions,
  InvalidActions,
  mergeImport,
  parseActionList,
  parseImportFile,
  storedActions,
} from '@/utils/actions/action-list';
import { setLocale } from '@/utils/i18n';

beforeEach(() => setLocale('en'));

const custom = { name: 'Pirate', prompt: 'Say it like a pirate: {{selection}}' };

describe('built-in actions', () => {
  it('are Explain, Summarize, Rewrite, Fix grammar and Ask, named in the interface language', () => {
    const names = (locale: 'en' | 'zh-CN') => defaultActions().map((action) => resolveAction(action, locale).name);
    expect(names('en')).toEqual(['Explain', 'Summarize', 'Rewrite', 'Fix grammar', 'Ask']);
    expect(names('zh-CN')).toEqual(['解释', '摘要', '改写', '修正语法', '提问']);
    for (const action of defaultActions()) {
      expect(resolveAction(action, 'en').prompt).toContain('{{selection}}');
      expect(resolveAction(action, 'zh-CN').prompt).toContain('{{selection}}');
    }
    expect(
      defaultActions()
        .filter((action) => action.replace)
        .map((action) => action.id),
    ).toEqual(['rewrite', 'fix-grammar']);
  });

  it('store an unchanged name or prompt empty, so they keep following the language', () => {
    const explain = defaultActions()[0]!;
    const edited = unresolveAction({ ...resolveAction(explain, 'en'), prompt: 'Mine: {{selection}}' }, 'en');
    expect(edited.name).toBe('');
    expect(edited.prompt).toBe('Mine: {{selection}}');
    expect(resolveAction(edited, 'zh-CN').name).toBe(builtinText('explain', 'zh-CN').name);
  });
});

describe('parsing lists', () => {
  it('reads an export file back as it was', () => {
    const list = [...defaultActions(), { ...defaultActions()[0]!, id: 'a-1', builtin: undefined, ...custom }];
    delete (list[5] as { builtin?: unknown }).builtin;
    expect(parseImportFile(exportActions(list))).toEqual(list);
  });

  it('refuses a whole list for one bad entry, with the reason', () => {
    expect(() => parseImportFile('{nope')).toThrow(new InvalidActions('it is not JSON'));
    expect(() => parseImportFile('{"hello": 1}')).toThrow(/no list of actions/);
    expect(() => parseActionList([custom, { name: 'No prompt', prompt: '' }])).toThrow('action 2: a prompt is needed');
    expect(() => parseActionList([custom, { ...custom, temperature: 9 }])).toThrow('action 2: temperature');
    expect(() => parseActionList([{ ...custom, builtin: 'rm-rf' }])).toThrow(/action 1: builtin/);
    expect(() => parseActionList(Array.from({ length: 51 }, () => custom))).toThrow(/more than 50/);
  });

  it('gives new actions an icon from their name and repeated ids new ones', () => {
    const [a, b] = parseActionList([
      { ...custom, id: 'x' },
      { ...custom, id: 'x', name: 'Other' },
    ]);
    expect(a!.icon).toBe('P');
    expect(a!.id).toBe('x');
    expect(b!.id).not.toBe('x');
  });

  it('merges an import: built-ins replaced, new actions added, exact copies skipped', () => {
    const current = defaultActions();
    const [mine] = parseActionList([custom]);
    const merged = mergeImport(current, [{ ...defaultActions()[0]!, enabled: false }, mine!, { ...mine!, id: 'other' }]);
    expect(merged).toHaveLength(6);
    expect(merged[0]!.enabled).toBe(false);
    expect(merged[5]!.name).toBe('Pirate');
  });

  it('reads damaged storage as the good entries, with missing built-ins added back switched off', () => {
    expect(storedActions(null)).toEqual(defaultActions());
    const list = storedActions([{ ...custom, id: 'a-1' }, 'junk', { name: 1 }]);
    expect(list.map((action) => action.id)).toEqual(['a-1', 'explain', 'summarize', 'rewrite', 'fix-grammar', 'ask']);
    expect(list.slice(1).every((action) => !action.enabled)).toBe(true);
  });
});
