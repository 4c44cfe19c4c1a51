import { describe, expect, it } from 'vitest';
import { citedNumbers, splitCitations } from '@/utils/ask/citations';

describe('citations', () => {
  it('turns only the numbers of sent blocks into citations; any other [n] stays text', () => {
    const sent = new Set([3, 7]);
    expect(splitCitations('Otters use stones [3][7]. They fly [99].', sent)).toEqual([
      { type: 'text', text: 'Otters use stones ' },
      { type: 'cite', n: 3 },
      { type: 'cite', n: 7 },
      { type: 'text', text: '. They fly [99].' },
    ]);
    expect(citedNumbers('[7] then [3] then [7] and [4]', sent)).toEqual([7, 3]);
    expect(splitCitations('no citations', sent)).toEqual([{ type: 'text', text: 'no citations' }]);
  });
});
