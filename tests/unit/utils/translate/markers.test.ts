import { describe, expect, it } from 'vitest';
import { lineMarker, markParts, PartStream } from '@/utils/translate/markers';

/** Feeds an answer to a PartStream in pieces of the given sizes; returns each part's text. */
function parse(answer: string, parts: number, sizes: number[] | 'chars' = 'chars', numbered = false): string[] {
  const out = Array.from({ length: parts }, () => '');
  const stream = new PartStream(
    parts,
    (part, text) => {
      out[part] += text;
    },
    numbered,
  );
  let i = 0;
  let n = 0;
  while (i < answer.length) {
    const size = sizes === 'chars' ? 1 : sizes[n++ % sizes.length]!;
    stream.push(answer.slice(i, i + size));
    i += size;
  }
  stream.end();
  return out;
}

describe('markParts', () => {
  it('marks parts only when there are several', () => {
    expect(markParts(['Only one.'])).toBe('Only one.');
    expect(markParts(['One.', 'Two.'])).toBe('[[1]]\nOne.\n\n[[2]]\nTwo.');
  });
});

describe('PartStream', () => {
  const answer = '[[1]]\n第一部分。\n\n[[2]]\n第二部分，\n有两行。\n\n[[3]]\n- 列表\n- 项目';
  const expected = ['第一部分。', '第二部分，\n有两行。', '- 列表\n- 项目'];

  it('reads the parts back however the stream is cut', () => {
    expect(parse(answer, 3, 'chars')).toEqual(expected);
    expect(parse(answer, 3, [3, 7, 2])).toEqual(expected);
    expect(parse(answer, 3, [answer.length])).toEqual(expected);
  });

  it('accepts full-width brackets, which models writing Chinese sometimes use', () => {
    expect(parse('【【1】】\n甲\n【【2】】\n乙', 2)).toEqual(['甲', '乙']);
  });

  it('gives text before any marker to the first part, and everything to it when markers are lost', () => {
    expect(parse('Just a translation without markers.', 2)).toEqual(['Just a translation without markers.', '']);
  });

  it('drops an echoed <text> wrapper but keeps tags inside the text', () => {
    expect(parse('<text>\nHallo Welt\n</text>', 1, [2])).toEqual(['Hallo Welt']);
    expect(parse('Use the <text> element.', 1, 'chars')).toEqual(['Use the <text> element.']);
  });

  it('keeps brackets that are not markers, and markers of a single-part answer as text', () => {
    expect(parse('array[0] and [[note]] stay', 2, 'chars')).toEqual(['array[0] and [[note]] stay', '']);
    expect(parse('[[1]] is literal here', 1, 'chars')).toEqual(['[[1]] is literal here']);
  });

  it('never emits trailing whitespace that belongs before the next marker', () => {
    const emitted: [number, string][] = [];
    const stream = new PartStream(2, (part, text) => emitted.push([part, text]));
    for (const piece of ['[[1]]\nA', '\n\n', '[[2]]', '\nB']) stream.push(piece);
    stream.end();
    expect(emitted).toEqual([
      [0, 'A'],
      [1, 'B'],
    ]);
  });
});

describe('PartStream, numbered form (page translation)', () => {
  const answer = '1\t第一段。\n2\t第二段，\n有两行。\n3\t2024年的第三段';
  const expected = ['第一段。', '第二段，\n有两行。', '2024年的第三段'];

  it('reads "n<tab>" at a line start as a marker however the stream is cut', () => {
    expect(lineMarker(2)).toBe('2\t');
    expect(parse(answer, 3, 'chars', true)).toEqual(expected);
    expect(parse(answer, 3, [2, 5, 1, 3], true)).toEqual(expected);
    expect(parse(`<text>\n${answer}\n</text>`, 3, [answer.length + 20], true)).toEqual(expected);
  });

  it('keeps numbers that are not markers: mid-line, without a tab, or in a one-part answer', () => {
    expect(parse('1\t共 12\t件\n12 个苹果\n2\t乙', 2, 'chars', true)).toEqual(['共 12\t件\n12 个苹果', '乙']);
    expect(parse('1\tsingle', 1, 'chars', true)).toEqual(['1\tsingle']);
  });

  it('still accepts the bracket form, which a model may fall back to', () => {
    expect(parse('[[1]]\n甲\n[[2]]\n乙', 2, 'chars', true)).toEqual(['甲', '乙']);
  });

  it('is off unless asked for: the selection translator reads brackets only', () => {
    expect(parse('1\t甲\n2\t乙', 2, 'chars')).toEqual(['1\t甲\n2\t乙', '']);
  });
});
