import { describe, expect, it } from 'vitest';
import { joinTranslation, segmentsOf, splitSource } from '@/utils/translate/segments';

const SOURCE = 'Intro paragraph.\n\n```js\nconst x = 1; // keep\n```\n\nMiddle text.\n- item\n\n~~~\nraw ~~~ code\n~~~\nEnd.';

describe('splitSource', () => {
  it('separates prose from fenced code blocks, in order', () => {
    const pieces = splitSource(SOURCE);
    expect(pieces).toEqual([
      { kind: 'text', id: 's1', text: 'Intro paragraph.' },
      { kind: 'code', text: '```js\nconst x = 1; // keep\n```' },
      { kind: 'text', id: 's2', text: 'Middle text.\n- item' },
      { kind: 'code', text: '~~~\nraw ~~~ code\n~~~' },
      { kind: 'text', id: 's3', text: 'End.' },
    ]);
    expect(segmentsOf(pieces)).toEqual([
      { id: 's1', text: 'Intro paragraph.' },
      { id: 's2', text: 'Middle text.\n- item' },
      { id: 's3', text: 'End.' },
    ]);
  });

  it('treats an unclosed fence as code to the end, and code-only text as nothing to translate', () => {
    expect(splitSource('Text\n```\ncode without end')).toEqual([
      { kind: 'text', id: 's1', text: 'Text' },
      { kind: 'code', text: '```\ncode without end' },
    ]);
    expect(segmentsOf(splitSource('```\nonly code\n```'))).toEqual([]);
  });
});

describe('joinTranslation', () => {
  const pieces = splitSource(SOURCE);

  it('puts the code blocks back between the translated prose', () => {
    const all = { s1: '引言段落。', s2: '中间文字。\n- 项目', s3: '结尾。' };
    expect(joinTranslation(pieces, all, 3)).toBe(
      '引言段落。\n\n```js\nconst x = 1; // keep\n```\n\n中间文字。\n- 项目\n\n~~~\nraw ~~~ code\n~~~\n\n结尾。',
    );
  });

  it('only ever grows at the end while streaming: a code block waits for the prose before it', () => {
    expect(joinTranslation(pieces, { s1: '引言' }, 0)).toBe('引言');
    expect(joinTranslation(pieces, { s1: '引言段落。' }, 1)).toBe('引言段落。\n\n```js\nconst x = 1; // keep\n```');
    expect(joinTranslation(pieces, { s1: '引言段落。', s2: '中' }, 1)).toBe(
      '引言段落。\n\n```js\nconst x = 1; // keep\n```\n\n中',
    );
  });

  it('shows a finished segment that came back empty as empty, not as the end', () => {
    expect(joinTranslation(pieces, { s1: '引言', s3: '结尾' }, 3)).toContain('结尾');
  });
});
