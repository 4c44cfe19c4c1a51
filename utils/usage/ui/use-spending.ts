import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/utils/messaging';
import type { Spending } from '@/utils/usage/types';

const REFRESH_MS = 4000;

/** Today's and this month's spending for the popup, kept current while it is open. */
export function useSpending(): Spending | undefined {
  const [spending, setSpending] = useState<Spending>();
  useEffect(() => {
    const load = () => sendMessage('getSpending', null).then(setSpending, () => {});
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  return spending;
}
