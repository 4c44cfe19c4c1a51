// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { summaryEstimateText, TranscriptSummaryConfirm } from '@/components/transcribe/summary-estimate';
import { setLocale } from '@/utils/i18n';
import type { SummaryEstimate } from '@/utils/summary/types';

const short: SummaryEstimate = {
  model: 'gpt-4o-mini',
  sections: 1,
  requests: 1,
  inputTokens: 1234,
  outputTokens: 600,
  costUsd: 0.0005451,
  needsConfirm: true,
};
const long: SummaryEstimate = { ...short, sections: 6, requests: 7, inputTokens: 54_321, costUsd: 0.0123 };

afterEach(() => setLocale('en'));

describe('the transcript summary estimate', () => {
  it('gives tokens and cost, and the parts of a map-reduce summary', () => {
    setLocale('en');
    expect(summaryEstimateText(short, 7.2)).toBe('Summary: about 1,234 tokens in, 600 out · ≈$0.00055 (¥0.0039)');
    expect(summaryEstimateText(long, 7.2)).toBe(
      'Summary in 6 parts, then combined (7 requests): about 54,321 tokens in, 600 out · ≈$0.012 (¥0.089)',
    );
    expect(summaryEstimateText({ ...short, costUsd: null }, 7.2)).toContain('no price for gpt-4o-mini');
  });

  it('is in Chinese for the Chinese interface', () => {
    setLocale('zh-CN');
    expect(summaryEstimateText(long, 7.2)).toMatch(/^摘要分 6 个部分生成再合并（7 次请求）：约输入 54,321 个 token/);
  });

  it('asks with "Summarize anyway" and Cancel', () => {
    setLocale('en');
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    render(<TranscriptSummaryConfirm estimate={long} cnyPerUsd={7.2} onConfirm={onConfirm} onCancel={onCancel} />);
    const group = screen.getByRole('group', { name: 'Summarize anyway' });
    expect(group.textContent).toContain('Summary in 6 parts');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Summarize anyway' }));
    expect(onConfirm).toHaveBeenCalledOnce();
    expect(onCancel).toHaveBeenCalledOnce();
  });
});
