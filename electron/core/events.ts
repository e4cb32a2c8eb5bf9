import type { BackendEvent, EventName, EventPayload } from '../../shared/api/events.js';

export type EventListener = (event: BackendEvent) => void;

/** The backend's push channel; transports forward every event to every open window. */
export interface EventBus {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(onListenerError: (error: unknown) => void): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(name, payload) {
      const event = { name, payload } as BackendEvent;
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          // A broken window must not stop the others, nor the write that raised the event.
          onListenerError(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
