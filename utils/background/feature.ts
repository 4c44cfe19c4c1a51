import type { Browser } from 'wxt/browser';
import type { MessageKey } from '@/utils/i18n';
import type { ActionRegistry } from './action';
import type { HandlerRegistry } from './handler';

/** One context-menu item: its title comes from the locale files and follows the UI language. */
export interface MenuItem {
  id: string;
  title: MessageKey;
  contexts: [`${Browser.contextMenus.ContextType}`, ...`${Browser.contextMenus.ContextType}`[]];
  onClick(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined): void | Promise<void>;
}

/** A keyboard shortcut's handler, by the command name declared in the manifest (wxt.config.ts). */
export type CommandHandler = (tab: Browser.tabs.Tab | undefined) => void | Promise<void>;

/**
 * Everything one feature adds to the background. The background builds its message handlers,
 * streamed actions, context menu and shortcuts from the list of these
 * (entrypoints/background/features.ts), so adding a feature is one line there.
 */
export interface Feature {
  name: string;
  /** One-shot messages this feature answers (names from utils/protocol.ts `Messages`). */
  handlers?: Partial<HandlerRegistry>;
  /** Streamed actions this feature runs (names from utils/protocol.ts `Actions`). */
  actions?: Partial<ActionRegistry>;
  menus?: MenuItem[];
  commands?: Record<string, CommandHandler>;
  /** Runs once each time the worker starts (watchers of the settings and the like). */
  start?(): void;
}

/** How long after the worker starts its features bring their registrations in step with the settings. */
export const IN_STEP_AFTER_MS = 100;

/**
 * Runs a feature's start-up reads and registrations once the worker's first moments have passed:
 * a worker woken by a question sends it first, without these reads and calls in the way. What
 * they bring in step (the selection script, the menus, the toolbar's choice) was kept by the
 * browser while the worker was stopped; a change meanwhile is seen by the watchers, set up at once.
 */
export function afterStart(work: () => unknown): void {
  setTimeout(work, IN_STEP_AFTER_MS);
}

/**
 * Declares a feature, keeping the exact names of its handlers and actions in its type: the
 * background's merged maps are then checked, at compile time, to cover every message and action.
 */
export function defineFeature<const F extends Feature>(feature: F): F {
  return feature;
}
