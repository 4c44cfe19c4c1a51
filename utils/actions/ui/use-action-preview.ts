import { useEffect, useState } from 'preact/hooks';
import type { ActionPreview } from '@/components/actions/editor';
import { getLocale } from '@/utils/i18n';
import { languageName, LANGUAGES } from '@/utils/languages';
import { costOf, formatCost, priceFor } from '@/utils/llm/pricing';
import { getTokenizer } from '@/utils/llm/tokens';
import type { Settings } from '@/utils/settings';
import { buildActionRequest, type TemplateValues } from '@/utils/actions/template';
import type { ActionSpec } from '@/utils/actions/types';

/** The sample selection the settings page previews an action with. */
export const SAMPLE: Omit<TemplateValues, 'language'> = {
  selection: 'The committee postponed the vote until next spring, citing the need for further study.',
  surrounding:
    'After a long debate, the committee postponed the vote until next spring, citing the need for further study. Members will meet again in March.',
  page_title: 'City council news',
  url: 'https://example.com/news/council',
};

/**
 * The prompt an action would send for the sample selection, with its tokens and their cost
 * (what is sent, before any answer), following the draft as it is typed.
 */
export function useActionPreview(draft: ActionSpec | undefined, settings: Settings): ActionPreview | undefined {
  const [preview, setPreview] = useState<ActionPreview>();
  const prompt = draft?.prompt;
  const model = draft?.model.trim() || settings.model;
  useEffect(() => {
    if (!draft) return setPreview(undefined);
    const code = Object.hasOwn(LANGUAGES, settings.targetLanguage) ? settings.targetLanguage : getLocale();
    const spec = buildActionRequest(draft, { ...SAMPLE, language: languageName(code) }, settings.model);
    const user = spec.turns[spec.turns.length - 1]!.content;
    setPreview((previous) => ({ ...previous, prompt: user, model }));
    let current = true;
    void getTokenizer(model).then(
      (tokenizer) => {
        if (!current) return;
        const tokens = tokenizer.countChat(spec.turns);
        const usd = costOf(
          { promptTokens: tokens, cachedTokens: 0, completionTokens: 0 },
          priceFor(model, settings.priceOverrides),
        );
        setPreview({ prompt: user, tokens, model, cost: usd === null ? undefined : formatCost(usd, settings.cnyPerUsd) });
      },
      () => {},
    );
    return () => {
      current = false;
    };
  }, [prompt, model, !draft]);
  return preview;
}
