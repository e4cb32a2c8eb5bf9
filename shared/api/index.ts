export * from './contract.js';
export * from './envelope.js';
export * from './events.js';
export * from './methods.js';
export type { UiPreferences } from './app.js';
export * from './bridge.js';
