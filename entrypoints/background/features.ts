import { actionsFeature } from '@/utils/actions/background/feature';
import type { ActionRegistry } from '@/utils/background/action';
import type { CommandHandler, Feature, MenuItem } from '@/utils/background/feature';
import type { HandlerRegistry } from '@/utils/background/handler';
import { askFeature } from '@/utils/ask/background/feature';
import { chatFeature } from '@/utils/chat/background/feature';
import { llmFeature } from '@/utils/llm/background/feature';
import { pageTranslateFeature } from '@/utils/pagetranslate/background/feature';
import { setupFeature } from '@/utils/setup/background/feature';
import { summaryFeature } from '@/utils/summary/background/feature';
import { transcribeFeature } from '@/utils/transcribe/background/feature';
import { translateFeature } from '@/utils/translate/background/feature';
import { usageFeature } from '@/utils/usage/background/feature';

/**
 * Every feature of Glance. The background's message handlers, streamed actions, context menu and
 * keyboard shortcuts are built from this list: adding a feature is its folder, one line here, its
 * protocol entries and its tests.
 */
export const FEATURES = [
  llmFeature,
  chatFeature,
  summaryFeature,
  translateFeature,
  usageFeature,
  actionsFeature,
  askFeature,
  pageTranslateFeature,
  setupFeature,
  transcribeFeature,
] as const;

type MergedKey = 'handlers' | 'actions' | 'commands';
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
/** The intersection of every feature's map: checked below against the full maps the protocol names. */
type Merged<K extends MergedKey> = UnionToIntersection<
  (typeof FEATURES)[number] extends infer F ? (F extends { [P in K]: infer V } ? V : never) : never
>;

/** One map from every feature's entries; a name claimed by two features is a mistake, not an override. */
function merge<K extends MergedKey>(key: K): Merged<K> {
  const merged: Record<string, unknown> = {};
  for (const feature of FEATURES as readonly Feature[]) {
    for (const [name, value] of Object.entries(feature[key] ?? {})) {
      if (Object.hasOwn(merged, name)) throw new Error(`"${name}" is claimed by two features`);
      merged[name] = value;
    }
  }
  return merged as Merged<K>;
}

/** Every one-shot message's handler; a message of the protocol without one does not compile. */
export const handlers: HandlerRegistry = merge('handlers');
/** Every streamed action; likewise checked against the protocol's `Actions`. */
export const actions: ActionRegistry = merge('actions');
/** Keyboard shortcuts, by the command name declared in the manifest (wxt.config.ts `commands`). */
export const COMMANDS: Record<string, CommandHandler> = merge('commands');
/** Every context-menu item, in the order of the features. */
export const MENU_ITEMS: readonly MenuItem[] = (FEATURES as readonly Feature[]).flatMap((feature) => feature.menus ?? []);

/** Starts what each feature runs from the worker's start. */
export function startFeatures(): void {
  for (const feature of FEATURES as readonly Feature[]) feature.start?.();
}
