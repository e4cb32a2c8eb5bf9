// What a screen holds of data it asked the backend for: still on the way, refused (with the
// reason, shown by LoadNotice), or there — with the fields the screen names.
import type { ApiErrorBody } from '../../../shared/api/envelope.js';

export type Loadable<Ready extends object> = { status: 'loading' } | { status: 'failed'; error: ApiErrorBody } | ({ status: 'ready' } & Ready);
