import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging';
import type { PageConversation } from '@/utils/ask/types';

/** Only page addresses become links (what is stored came from tabs, but storage is not trusted). */
function safeUrl(url: string): string | null {
  return /^https?:\/\//i.test(url) ? url : null;
}

/**
 * The pages asked about in the side panel, newest first, under the chat history: each opens its
 * page, where the side panel shows the conversation again.
 */
export function PageHistory() {
  const [pages, setPages] = useState<PageConversation[] | null>(null);
  useEffect(() => {
    sendMessage('askExport', null).then(setPages, () => setPages([]));
  }, []);
  if (!pages?.length) return null;
  return (
    <section class="page-history" aria-label={t('askHistoryHeading')}>
      <h2>{t('askHistoryHeading')}</h2>
      <ul>
        {pages.map((page) => {
          const url = safeUrl(page.url);
          const label = `${page.title || page.url} · ${t('askHistoryCount', { count: page.turns.length })}`;
          return (
            <li key={page.url}>
              {url ? (
                <a href={url} target="_blank" rel="noopener noreferrer">
                  {label}
                </a>
              ) : (
                label
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
