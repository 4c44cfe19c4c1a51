import { actionOnDemand } from '@/utils/background/action';
import { defineFeature } from '@/utils/background/feature';
import { noPayload } from '@/utils/background/validate';
import { AppError } from '@/utils/errors';
import { handlersOnDemand, PAGES_ONLY, type HandlerContext } from '@/utils/background/handler';
import { ACTION_CARD_SCRIPT, loadIntoFrame, TOOLBAR_SCRIPT } from './launcher';
import { ACTION_COMMANDS, keepActionMenusInStep, toolbarActions } from './menus';
import { openPanelsAtOnce } from './panel-opening';

// Running an action, in its card or in the side panel, loads on first use.
const panelRun = () => import('./panel-run');

/** Loads a script into the very frame that asked (never another). */
async function loadForSender(
  context: HandlerContext,
  file: typeof TOOLBAR_SCRIPT | typeof ACTION_CARD_SCRIPT,
  field: 'drawn' | 'runAction',
): Promise<null> {
  if (!context.tab) throw new AppError('refused', { detail: 'no tab' });
  await loadIntoFrame(context.tab.id, context.tab.frameId, file, field).catch((error) => {
    throw new AppError('page_unreadable', { detail: String(error), cause: error });
  });
  return null;
}

/**
 * Selection actions: explain, summarize, rewrite, fix grammar, ask, and the user's own prompts,
 * in the selection toolbar after Translate and in the context menu. Pages get the actions' names
 * and icons only; the prompts stay here and are filled with the page's text as quoted data.
 */
export const actionsFeature = defineFeature({
  name: 'actions',
  handlers: {
    listActions: {
      allowedFrom: ['content-script', 'extension-page'],
      parse: noPayload,
      handle: async (_request, { locale }) => ({ locale, actions: await toolbarActions(locale) }),
    },
    showActionToolbar: {
      allowedFrom: ['content-script'],
      parse: noPayload,
      handle: (_request, context) => loadForSender(context, TOOLBAR_SCRIPT, 'drawn'),
    },
    showActionCard: {
      allowedFrom: ['content-script'],
      parse: noPayload,
      handle: (_request, context) => loadForSender(context, ACTION_CARD_SCRIPT, 'runAction'),
    },
    ...handlersOnDemand(['openActionInPanel', 'takePanelAction'], async () => (await panelRun()).panelHandlers),
  },
  actions: {
    runAction: actionOnDemand(
      { keepOnDisconnect: false, allowedFrom: ['extension-page', 'content-script'] },
      async () => (await import('./run-action')).runActionDefinition,
    ),
    runPanelAction: actionOnDemand(
      { keepOnDisconnect: false, allowedFrom: PAGES_ONLY },
      async () => (await panelRun()).runPanelActionDefinition,
    ),
  },
  commands: ACTION_COMMANDS,
  start: () => {
    openPanelsAtOnce();
    keepActionMenusInStep();
  },
});
