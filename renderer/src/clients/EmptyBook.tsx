// What the client list shows when it has no current clients. In a completely empty book (no
// clients, not even archived ones, and no plans) it also offers the sample book, so a reseller
// can try HostLedger on realistic data; the backend refuses the sample book anywhere else.
import { useEffect, useState } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Output } from '../../../shared/api/methods.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';

interface EmptyBookProps {
  onNewClient: () => void;
  onSampleLoaded: (summary: Output<'demo.load'>) => void;
}

export function EmptyBook({ onNewClient, onSampleLoaded }: EmptyBookProps) {
  const api = useApi();
  const { language, t } = useI18n();
  const [bookIsEmpty, setBookIsEmpty] = useState<boolean | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);

  useEffect(() => {
    let current = true;
    void Promise.all([api.call('clients.search', { status: 'all', limit: 1 }), api.call('plans.list', { includeArchived: true })]).then(([clients, plans]) => {
      if (current) setBookIsEmpty(clients.ok && plans.ok && clients.value.items.length === 0 && plans.value.items.length === 0);
    });
    return () => {
      current = false;
    };
  }, [api]);

  async function loadSampleBook() {
    setLoading(true);
    setProblem(null);
    const answer = await api.call('demo.load', {});
    setLoading(false);
    if (answer.ok) onSampleLoaded(answer.value);
    else setProblem(answer.error);
  }

  if (bookIsEmpty === null) {
    return (
      <p className="muted" role="status">
        {t('shell.loading')}
      </p>
    );
  }

  return (
    <div className="empty-state">
      <h2>{t(bookIsEmpty ? 'clients.empty.title' : 'clients.noneCurrent.title')}</h2>
      <p>{t(bookIsEmpty ? 'clients.empty.body' : 'clients.noneCurrent.body')}</p>
      {loading ? (
        <div className="progress-line" role="status">
          <progress className="progress" aria-label={t('sampleBook.loading')} />
          <span>{t('sampleBook.loading')}</span>
        </div>
      ) : (
        <div className="button-row button-row-center">
          <button type="button" className="button button-primary" onClick={onNewClient}>
            {t('clients.new')}
          </button>
          {bookIsEmpty && (
            <button type="button" className="button" onClick={() => void loadSampleBook()}>
              {t('sampleBook.load')}
            </button>
          )}
        </div>
      )}
      {bookIsEmpty && !loading && <p className="muted small">{t('sampleBook.hint')}</p>}
      {problem && (
        <p className="notice notice-error" role="alert">
          {translateApiError(language, problem)}
        </p>
      )}
    </div>
  );
}
