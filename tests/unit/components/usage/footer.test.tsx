// @vitest-environment jsdom
import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { RecentCalls } from '@/components/usage/recent-calls';
import { UsageFooter } from '@/components/usage/footer';
import { setLocale } from '@/utils/i18n';
import type { UsageReport } from '@/utils/llm/usage-report';

const usage: UsageReport = {
  model: 'gpt-4o',
  promptTokens: 10,
  completionTokens: 5,
  cachedTokens: 0,
  reasoningTokens: 0,
  estimated: false,
  costUsd: 0.0001,
};

describe('UsageFooter', () => {
  it('says when the cost of an answer could not be recorded, in both languages', () => {
    setLocale('en');
    const { unmount } = render(<UsageFooter usage={{ ...usage, unrecorded: true }} />);
    expect(screen.getByText(/could not be recorded/)).toBeTruthy();
    unmount();
    setLocale('zh-CN');
    render(<UsageFooter usage={{ ...usage, unrecorded: true }} />);
    expect(screen.getByText(/无法记录/)).toBeTruthy();
    setLocale('en');
  });

  it('says nothing more when it was recorded', () => {
    setLocale('en');
    render(<UsageFooter usage={usage} />);
    expect(screen.queryByText(/could not be recorded/)).toBeNull();
  });
});

describe('RecentCalls', () => {
  it('shows a provisional line as in progress', () => {
    setLocale('en');
    render(
      <RecentCalls
        cnyPerUsd={0}
        calls={[
          {
            time: 1,
            feature: 'chat',
            model: 'gpt-4o',
            host: 'h',
            promptTokens: 1,
            cachedTokens: 0,
            completionTokens: 0,
            reasoningTokens: 0,
            estimated: true,
            costUsd: 0,
            status: 'pending',
          },
        ]}
      />,
    );
    expect(screen.getByRole('cell', { name: 'In progress' })).toBeTruthy();
  });
});
