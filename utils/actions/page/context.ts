import type { SelectionSnapshot } from '@/utils/translate/page/card-bridge';
import { ACTION_LIMITS, type ActionRunInput, type ToolbarAction } from '@/utils/actions/types';

const BLOCK = 'p,li,td,th,blockquote,pre,dd,dt,h1,h2,h3,h4,h5,h6,figcaption,article,section,div';

/** The paragraph a selection is in (a field's whole text), cut to the limit around the selection. */
export function surroundingOf(snapshot: SelectionSnapshot): string {
  let text = '';
  if (snapshot.field) text = snapshot.field.value;
  else if (snapshot.range) {
    const node = snapshot.range.commonAncestorContainer;
    const element = node instanceof Element ? node : node.parentElement;
    text = (element?.closest(BLOCK) as HTMLElement | null)?.textContent ?? element?.textContent ?? '';
  }
  text = text.trim();
  if (text.length <= ACTION_LIMITS.surrounding) return text;
  const at = Math.max(0, text.indexOf(snapshot.text.slice(0, 200)));
  const start = Math.max(0, Math.min(at - ACTION_LIMITS.surrounding / 4, text.length - ACTION_LIMITS.surrounding));
  return text.slice(start, start + ACTION_LIMITS.surrounding);
}

/** What the page sends for an action: its id, the selection and its paragraph, the page's title and address. */
export function runInputOf(action: ToolbarAction, snapshot: SelectionSnapshot, selection = snapshot.text): ActionRunInput {
  return {
    actionId: action.id,
    selection: selection.slice(0, ACTION_LIMITS.selection),
    surrounding: surroundingOf(snapshot),
    pageTitle: document.title.slice(0, ACTION_LIMITS.title),
    url: location.href.slice(0, ACTION_LIMITS.url),
  };
}
