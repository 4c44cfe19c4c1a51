import enActions from '@/locales/en/actions.json';
import enAsk from '@/locales/en/ask.json';
import enCommon from '@/locales/en/common.json';
import enErrors from '@/locales/en/errors.json';
import enOptions from '@/locales/en/options.json';
import enPageTranslate from '@/locales/en/pagetranslate.json';
import enSetup from '@/locales/en/setup.json';
import enChat from '@/locales/en/chat.json';
import enSummary from '@/locales/en/summary.json';
import enTranslate from '@/locales/en/translate.json';
import enUsage from '@/locales/en/usage.json';
import enVoice from '@/locales/en/voice.json';

/** Every English interface string: the reference set (a key's type, MessageKey, comes from these files). */
export const messages = {
  ...enCommon,
  ...enErrors,
  ...enOptions,
  ...enChat,
  ...enSummary,
  ...enTranslate,
  ...enUsage,
  ...enActions,
  ...enAsk,
  ...enPageTranslate,
  ...enSetup,
  ...enVoice,
};
