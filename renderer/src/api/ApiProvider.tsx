// Hands the API client to the screens, and lets a screen react to a backend event.
import { createContext, useContext, useEffect, useEffectEvent, type ReactNode } from 'react';
import type { EventName, EventPayload } from '../../../shared/api/events.js';
import type { ApiClient } from './apiClient.js';

const ApiContext = createContext<ApiClient | null>(null);

export function ApiProvider({ api, children }: { api: ApiClient; children: ReactNode }) {
  return <ApiContext value={api}>{children}</ApiContext>;
}

export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be used inside <ApiProvider>.');
  return api;
}

/** Runs `handler` whenever the backend pushes the event `name` (from this window or any other). */
export function useBackendEvent<E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void) {
  const api = useApi();
  const onEvent = useEffectEvent(handler);
  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.name === name) onEvent(event.payload as EventPayload<E>);
      }),
    [api, name],
  );
}
