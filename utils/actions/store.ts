import { actionsItem } from '@/utils/settings';
import { storedActions } from './action-list';
import type { ActionSpec } from './types';

/** The stored actions, checked (the built-ins when none are stored). */
export async function getActions(): Promise<ActionSpec[]> {
  return storedActions(await actionsItem.getValue());
}

/** Stores the whole list (already checked by its editor or by an import). */
export async function saveActions(actions: readonly ActionSpec[]): Promise<void> {
  await actionsItem.setValue(actions.map((action) => ({ ...action })));
}

/** Calls back with the list whenever it changes. Returns the unsubscribe function. */
export function watchActions(callback: (actions: ActionSpec[]) => void): () => void {
  return actionsItem.watch((value) => callback(storedActions(value)));
}
