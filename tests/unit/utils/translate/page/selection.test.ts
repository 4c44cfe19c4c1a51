// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isSecretField, readSelection, snapshotOf } from '@/utils/translate/page/selection';
import { createShadowHost } from '@/utils/page/shadow-host';

// jsdom does no layout: ranges have no boxes (the Chromium tests check placement).
Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
Range.prototype.getBoundingClientRect = () => new DOMRect(10, 10, 100, 20);

function page(markup: string) {
  document.body.innerHTML = markup;
}

function select(node: Node, start: number, end: number) {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
}

describe('readSelection', () => {
  it('reads a page selection, with the editable region it is in', () => {
    page('<p id="p">Plain page text</p><div id="ed" contenteditable="true"><p id="inner">Editable words</p></div>');
    select(document.getElementById('p')!.firstChild!, 0, 5);
    const plain = readSelection();
    expect(plain?.text).toBe('Plain');
    expect(plain?.editable).toBeUndefined();

    select(document.getElementById('inner')!.firstChild!, 0, 8);
    const editable = readSelection();
    expect(editable?.text).toBe('Editable');
    // jsdom has no isContentEditable; browsers report the region (covered by the Chromium tests).
    expect(snapshotOf(editable!).text).toBe('Editable');
  });

  it('reads a text field’s selection from the field itself', () => {
    page('<textarea id="t">Some notes here</textarea>');
    const field = document.getElementById('t') as HTMLTextAreaElement;
    field.focus();
    field.setSelectionRange(5, 10);
    const info = readSelection();
    expect(info).toMatchObject({ text: 'notes', field, start: 5, end: 10 });
    expect(snapshotOf(info!)).toMatchObject({ text: 'notes', field, start: 5, end: 10 });
  });

  it('never reads a password field, a one-time code or a card number', () => {
    page(
      '<input id="pw" type="password" value="hunter2-secret"><input id="otp" autocomplete="one-time-code" value="123456 abc"><input id="cc" autocomplete="cc-number" value="4111 abc">',
    );
    for (const id of ['pw', 'otp', 'cc']) {
      const field = document.getElementById(id) as HTMLInputElement;
      expect(isSecretField(field), id).toBe(true);
      field.focus();
      try {
        field.setSelectionRange(0, field.value.length);
      } catch {
        // Some input types do not expose their selection at all.
      }
      expect(readSelection(), id).toBeNull();
    }
  });

  it('ignores selections without letters and collapsed ones', () => {
    page('<p id="p">12345 ... !!</p>');
    select(document.getElementById('p')!.firstChild!, 0, 12);
    expect(readSelection()).toBeNull();
    select(document.getElementById('p')!.firstChild!, 2, 2);
    expect(readSelection()).toBeNull();
  });

  it('ignores text inside Glance’s own in-page UI', () => {
    page('');
    const { host, root } = createShadowHost('');
    document.body.append(host);
    root.innerHTML = '<p>Translated text</p>';
    select(root.querySelector('p')!.firstChild!, 0, 10);
    expect(readSelection({ x: 0, y: 0, roots: [root] })).toBeNull();
  });
});
