import { describe, expect, it } from 'vitest';
import { chooseTarget, planTranslation } from '@/utils/translate/target';

const DEFAULTS = { translateInto: 'zh-CN', secondLanguage: 'en' };

describe('the translation rule', () => {
  it('sends Chinese (either script) to the second language and everything else to Chinese', () => {
    expect(chooseTarget('zh-CN', DEFAULTS)).toBe('en');
    expect(chooseTarget('zh-TW', DEFAULTS)).toBe('en');
    for (const source of ['en', 'ja', 'ar', 'he', 'fr', 'ko']) expect(chooseTarget(source, DEFAULTS)).toBe('zh-CN');
  });

  it('sends text of unknown language to the main language', () => {
    expect(chooseTarget('und', DEFAULTS)).toBe('zh-CN');
  });

  it('follows the settings: a Japanese reader whose second language is English', () => {
    const pair = { translateInto: 'ja', secondLanguage: 'en' };
    expect(chooseTarget('ja', pair)).toBe('en');
    expect(chooseTarget('zh-CN', pair)).toBe('ja');
    expect(chooseTarget('en', pair)).toBe('ja');
  });

  it('plans from the text itself', () => {
    expect(planTranslation('我很快就會回來。', DEFAULTS)).toEqual({ source: 'zh-TW', target: 'en' });
    expect(planTranslation('I will be back soon.', DEFAULTS)).toEqual({ source: 'en', target: 'zh-CN' });
    expect(planTranslation('كان سامي يربح الكثير من المال.', DEFAULTS)).toEqual({ source: 'ar', target: 'zh-CN' });
  });
});
