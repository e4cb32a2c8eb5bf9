/** The languages HostLedger speaks: its screens, and the letters it writes to a client. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
