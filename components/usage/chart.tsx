import { formatDate } from '@/utils/locale-format';
import { t, type MessageKey } from '@/utils/i18n';
import { formatCost } from '@/utils/llm/pricing';
import type { DayCost } from '@/utils/usage/totals';
import { FEATURES, type Feature } from '@/utils/usage/types';

/** One colour per feature, readable on light and dark backgrounds. */
const FEATURE_COLORS: Record<Feature, string> = {
  chat: '#3b82f6',
  summarize: '#10b981',
  translate: '#f59e0b',
  ask: '#8b5cf6',
  transcribe: '#ec4899',
  test: '#94a3b8',
  action: '#14b8a6',
  pageTranslate: '#f97316',
};

const WIDTH = 600;
const HEIGHT = 140;
const GAP = 2;

/** Daily cost for the last 30 days as stacked bars by feature; a plain SVG, no library. */
export function UsageChart({ daily, cnyPerUsd }: { daily: DayCost[]; cnyPerUsd: number }) {
  const totals = daily.map((day) => Object.values(day.byFeature).reduce<number>((sum, cost) => sum + (cost ?? 0), 0));
  const max = Math.max(0, ...totals);
  if (max === 0) return <p class="hint">{t('usageChartEmpty')}</p>;
  const barWidth = WIDTH / daily.length - GAP;
  const used = FEATURES.filter((feature) => daily.some((day) => day.byFeature[feature]));
  return (
    <figure class="usage-chart">
      <figcaption>{t('usageChartTitle')}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('usageChartSummary', { max: formatCost(max, cnyPerUsd) })}>
        {daily.map((day, index) => {
          let top = HEIGHT;
          return (
            <g key={day.day}>
              <title>{`${formatDate(day.day)}: ${formatCost(totals[index]!, cnyPerUsd)}`}</title>
              {FEATURES.map((feature) => {
                const cost = day.byFeature[feature] ?? 0;
                if (!cost) return null;
                const height = (cost / max) * (HEIGHT - 4);
                top -= height;
                return (
                  <rect
                    key={feature}
                    x={index * (barWidth + GAP)}
                    y={top}
                    width={barWidth}
                    height={height}
                    fill={FEATURE_COLORS[feature]}
                  />
                );
              })}
            </g>
          );
        })}
      </svg>
      <ul class="legend">
        {used.map((feature) => (
          <li key={feature}>
            <span class="swatch" style={{ background: FEATURE_COLORS[feature] }} />
            {t(`feature_${feature}` as MessageKey)}
          </li>
        ))}
      </ul>
    </figure>
  );
}
