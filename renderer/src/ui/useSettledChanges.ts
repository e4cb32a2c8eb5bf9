// A count that goes up once a burst of backend events has paused: a reason to load again, without
// one load per event (the billing run or an import can change hundreds of accounts in a second).
import { useState } from 'react';
import type { EventName, EventPayload } from '../../../shared/api/events.js';
import { useBackendEvent } from '../api/ApiProvider.js';
import { useDebouncedValue } from './useDebouncedValue.js';

const BURST_PAUSE_MS = 100;

export function useSettledChanges<E extends EventName>(name: E, concerns: (payload: EventPayload<E>) => boolean = () => true): number {
  const [seen, setSeen] = useState(0);
  useBackendEvent(name, (payload) => {
    if (concerns(payload)) setSeen((count) => count + 1);
  });
  return useDebouncedValue(seen, BURST_PAUSE_MS);
}
