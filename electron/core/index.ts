// The backend's public face for the transports (electron/main, electron/server) and tests.
export { createBackend, type Backend, type BackendOptions } from './backend.js';
export { fixedClock, systemClock, type Clock } from './clock.js';
export { NewerDatabaseError } from './db/migrate.js';
export { createFileLogger, silentLogger, type Logger } from './log/logger.js';
export { APP_NAME, DATABASE_FILE, defaultUserDataDir } from './paths.js';
export { DEFAULT_PREFERENCES, preferencesFromStore, memoryPreferences, type AppPreferences, type Preferences, type KeyValueStore } from './prefs/preferences.js';
export { encryptedFileSecretStore, memorySecretStore, type SecretCipher, type SecretStore } from './secrets/secretStore.js';
export { APP_VERSION } from './version.js';
export { startDailyRun, type DailyRun } from './dailyRun.js';
export { startActionQueue, type ActionQueue } from './panels/queue/actionQueueRunner.js';
