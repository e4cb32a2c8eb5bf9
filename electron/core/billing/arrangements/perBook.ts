import type { Db } from '../../db/database.js';

/**
 * Prepared statements built once per open book. The context has no slot for arrangements, and
 * settling them runs after every payment, so preparing each time would slow payment recording.
 */
export function perBook<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let built = cache.get(db);
    if (!built) {
      built = build(db);
      cache.set(db, built);
    }
    return built;
  };
}
