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
import zhActions from '@/locales/zh-CN/actions.json';
import zhAsk from '@/locales/zh-CN/ask.json';
import zhChat from '@/locales/zh-CN/chat.json';
import zhCommon from '@/locales/zh-CN/common.json';
import zhErrors from '@/locales/zh-CN/errors.json';
import zhOptions from '@/locales/zh-CN/options.json';
import zhPageTranslate from '@/locales/zh-CN/pagetranslate.json';
import zhSetup from '@/locales/zh-CN/setup.json';
import zhSummary from '@/locales/zh-CN/summary.json';
import zhTranslate from '@/locales/zh-CN/translate.json';
import zhUsage from '@/locales/zh-CN/usage.json';
import zhVoice from '@/locales/zh-CN/voice.json';

import { addMessages, type MessageKey } from './i18n-core';

/**
 * Every interface string of both languages, for the extension's pages and the background: importing
 * this module gives `t` all of them. In-page scripts that show only a few strings import
 * utils/i18n-core.ts instead and are given those (utils/pagetranslate/background/launcher.ts).
 */
export * from './i18n-core';

const en = {
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

// Typed as complete: a key missing from the Chinese files fails the typecheck.
const zh: Record<MessageKey, string> = {
  ...zhCommon,
  ...zhErrors,
  ...zhOptions,
  ...zhChat,
  ...zhSummary,
  ...zhTranslate,
  ...zhUsage,
  ...zhActions,
  ...zhAsk,
  ...zhPageTranslate,
  ...zhSetup,
  ...zhVoice,
};

addMessages('en', en);
addMessages('zh-CN', zh);
