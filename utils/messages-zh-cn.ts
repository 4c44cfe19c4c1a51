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

import type { MessageKey } from './i18n-core';

/** Every Simplified Chinese interface string; typed as complete: a key missing here fails the typecheck. */
export const messages: Record<MessageKey, string> = {
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
