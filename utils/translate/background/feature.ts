import { actionOnDemand } from '@/utils/background/action';
import { defineFeature } from '@/utils/background/feature';
import { translateFromMenu, translateFromShortcut } from './card-launcher';
import { translateHandlers } from './handlers';
import { keepSelectionScriptInStep } from './selection-script';

/** Translating a selection: the selection button's card, the context menu, Alt+Y. */
export const translateFeature = defineFeature({
  name: 'translate',
  handlers: translateHandlers,
  actions: {
    // The translation itself loads on first use.
    translate: actionOnDemand(
      { keepOnDisconnect: false, allowedFrom: ['extension-page', 'content-script'] },
      async () => (await import('./translate-action')).translateAction,
    ),
  },
  menus: [{ id: 'translate-selection', title: 'menuTranslateSelection', contexts: ['selection'], onClick: translateFromMenu }],
  commands: { 'translate-selection': translateFromShortcut },
  // The selection button's script is registered at run time, only while the button is on.
  start: keepSelectionScriptInStep,
});
