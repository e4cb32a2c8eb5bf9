// Today's date in the reseller's time zone as the backend sees it (business dates are the book's,
// not this computer's), for defaults such as a new contract's start date.
import { useEffect, useState } from 'react';
import { useApi } from '../api/ApiProvider.js';
import type { Loadable } from './loadable.js';

export type BookToday = Loadable<{ today: string }>;

export function useBookToday(): BookToday {
  const api = useApi();
  const [today, setToday] = useState<BookToday>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    void api.call('app.info', {}).then((answer) => {
      if (current) setToday(answer.ok ? { status: 'ready', today: answer.value.today } : { status: 'failed', error: answer.error });
    });
    return () => {
      current = false;
    };
  }, [api]);
  return today;
}
