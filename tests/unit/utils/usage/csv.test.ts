import { describe, expect, it } from 'vitest';
import { csvField, usageCsv } from '@/utils/usage/csv';
import type { CallRecord, DayRollup } from '@/utils/usage/types';

/** A minimal RFC 4180 reader, to check that what we write reads back as the same fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  return rows;
}

const call = (overrides: Partial<CallRecord>): CallRecord => ({
  time: Date.UTC(2026, 10, 27, 10, 0, 0),
  feature: 'chat',
  model: 'gpt-4o-mini',
  host: 'api.openai.com',
  promptTokens: 100,
  cachedTokens: 0,
  completionTokens: 20,
  reasoningTokens: 0,
  estimated: false,
  costUsd: 0.000027,
  status: 'ok',
  ...overrides,
});

describe('csvField', () => {
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.000027)).toBe('0.000027');
  });

  it('keeps text that a spreadsheet would run as a formula inert', () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-1)).toBe('-1');
  });
});

describe('usageCsv', () => {
  it('writes a header, calls newest first, then rolled-up days, and reads back field for field', () => {
    const older = call({
      time: Date.UTC(2026, 10, 26),
      model: 'my,"odd"\nmodel',
      costUsd: null,
      estimated: true,
      status: 'interrupted',
    });
    const newer = call({ feature: 'summarize' });
    const rollup: DayRollup = {
      key: 'k',
      day: new Date(2025, 0, 5).getTime(),
      feature: 'translate',
      model: 'gpt-4o',
      host: 'relay.example',
      calls: 12,
      promptTokens: 1200,
      cachedTokens: 0,
      completionTokens: 300,
      reasoningTokens: 0,
      audioSeconds: 0,
      costUsd: 0.006,
      unpricedCalls: 0,
      estimatedCalls: 0,
    };
    const rows = parseCsv(usageCsv([older, newer], [rollup]));
    expect(rows[0]).toEqual([
      'time',
      'feature',
      'model',
      'host',
      'calls',
      'prompt_tokens',
      'cached_tokens',
      'completion_tokens',
      'reasoning_tokens',
      'audio_seconds',
      'estimated',
      'cost_usd',
      'status',
    ]);
    expect(rows[1]!.slice(0, 3)).toEqual(['2026-11-27T10:00:00.000Z', 'summarize', 'gpt-4o-mini']);
    expect(rows[2]).toEqual([
      '2026-11-26T00:00:00.000Z',
      'chat',
      'my,"odd"\nmodel',
      'api.openai.com',
      '1',
      '100',
      '0',
      '20',
      '0',
      '0',
      'true',
      '',
      'interrupted',
    ]);
    expect(rows[3]).toEqual([
      '2025-01-05',
      'translate',
      'gpt-4o',
      'relay.example',
      '12',
      '1200',
      '0',
      '300',
      '0',
      '0',
      'false',
      '0.006',
      'rolled-up',
    ]);
    expect(rows).toHaveLength(4);
  });
});
