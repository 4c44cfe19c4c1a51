import { formatDateTime, formatNumber } from '@/utils/locale-format';
import { isMessageKey, t, type MessageKey } from '@/utils/i18n';
import { formatCost } from '@/utils/llm/pricing';
import type { CallRecord } from '@/utils/usage/types';

/** A cell shows the error's code (a full message does not fit); hovering shows the message. */
function Status({ status }: { status: CallRecord['status'] }) {
  if (status === 'ok') return <>{t('statusOk')}</>;
  if (status === 'pending') return <>{t('statusPending')}</>;
  const key = `error_${status}`;
  return <span title={isMessageKey(key) ? t(key) : undefined}>{status.replace(/_/g, ' ')}</span>;
}

/** The table of the most recent API calls, newest first. */
export function RecentCalls({ calls, cnyPerUsd }: { calls: CallRecord[]; cnyPerUsd: number }) {
  if (calls.length === 0) return <p class="hint">{t('recentCallsEmpty')}</p>;
  const number = (n: number) => formatNumber(n);
  return (
    <div class="table-scroll">
      <table aria-label={t('recentCalls')} class="recent-calls">
        <thead>
          <tr>
            <th scope="col">{t('columnTime')}</th>
            <th scope="col">{t('columnFeature')}</th>
            <th scope="col">{t('columnModel')}</th>
            <th scope="col">{t('columnIn')}</th>
            <th scope="col">{t('columnCached')}</th>
            <th scope="col">{t('columnOut')}</th>
            <th scope="col">{t('columnCost')}</th>
            <th scope="col">{t('columnStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {calls.map((call) => (
            <tr key={call.id ?? call.time} data-estimated={call.estimated}>
              <td>{formatDateTime(call.time)}</td>
              <td>{isMessageKey(`feature_${call.feature}`) ? t(`feature_${call.feature}` as MessageKey) : call.feature}</td>
              <td>{call.model}</td>
              <td title={call.estimated ? t('estimatedTitle') : undefined}>
                {call.estimated ? '≈' : ''}
                {number(call.promptTokens)}
              </td>
              <td>{number(call.cachedTokens)}</td>
              <td>
                {call.estimated ? '≈' : ''}
                {number(call.completionTokens)}
              </td>
              <td>{call.costUsd === null ? t('noPrice') : formatCost(call.costUsd, cnyPerUsd)}</td>
              <td>
                <Status status={call.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
