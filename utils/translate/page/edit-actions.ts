import type { SelectionSnapshot } from './card-bridge';

/**
 * Puts text in place of a snapshot's selection, in a text field or an editable region. Goes through
 * `execCommand('insertText')` where it can: that keeps the field's undo history and fires the
 * input events page frameworks listen to. Returns false when the selection can no longer be
 * found as it was (the field was edited or removed meanwhile): then nothing is changed.
 */
export function replaceSelection(snapshot: SelectionSnapshot, text: string): boolean {
  const { field, start, end, editable, range } = snapshot;
  if (field && start !== undefined && end !== undefined) {
    if (!field.isConnected || field.value.slice(start, end) !== snapshot.text) return false;
    field.focus();
    field.setSelectionRange(start, end);
    if (!document.execCommand('insertText', false, text)) {
      field.setRangeText(text, start, end, 'end');
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
    return true;
  }
  if (editable && range) {
    if (!editable.isConnected || range.collapsed || !editable.contains(range.commonAncestorContainer)) return false;
    editable.focus();
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    if (!document.execCommand('insertText', false, text)) {
      range.deleteContents();
      range.insertNode(document.createTextNode(text));
    }
    return true;
  }
  return false;
}

/**
 * Copies text to the clipboard: the Clipboard API where the page allows it, else a copy command
 * whose data we fill in (this leaves the page's selection alone). Needs the user's click.
 */
export async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    let copied = false;
    const onCopy = (event: ClipboardEvent) => {
      event.clipboardData?.setData('text/plain', text);
      event.preventDefault();
      copied = true;
    };
    document.addEventListener('copy', onCopy, true);
    try {
      document.execCommand('copy');
    } finally {
      document.removeEventListener('copy', onCopy, true);
    }
    return copied;
  }
}
