// THE contract: every operation of HostLedger, by name (`domain.verb`). Power users script
// against these names over HTTP; keep them stable. docs/API.md is generated from this map.
import type { z } from 'zod';
import { appMethods } from './app.js';
import { clientMethods } from './clients.js';
import { contractMethods, planMethods } from './register.js';
import { demoMethods } from './demo.js';
import { billingMethods } from './billing.js';
import { arrangementMethods } from './arrangements.js';
import { importsMethods } from './imports.js';
import { billingRunMethods } from './billingRun.js';
import { riskMethods } from './risk.js';
import { backupMethods } from './backups.js';
import { appLockMethods } from './appLock.js';
import { panelMethods } from './panels.js';
import { actionMethods } from './actions.js';
import { documentMethods } from './documents.js';
import { dunningMethods } from './dunning.js';
import { channelMethods } from './channels.js';
import { evidenceMethods } from './evidence.js';
import { reportMethods } from './reports.js';
import { exportsMethods } from './exports.js';

export const methods = {
  ...appMethods,
  ...appLockMethods,
  ...clientMethods,
  ...planMethods,
  ...contractMethods,
  ...billingMethods,
  ...arrangementMethods,
  ...importsMethods,
  ...billingRunMethods,
  ...riskMethods,
  ...backupMethods,
  ...panelMethods,
  ...actionMethods,
  ...documentMethods,
  ...dunningMethods,
  ...channelMethods,
  ...evidenceMethods,
  ...reportMethods,
  ...exportsMethods,
  ...demoMethods,
};

export type Methods = typeof methods;
export type MethodName = keyof Methods;
/** What a caller sends. */
export type Input<M extends MethodName> = z.input<Methods[M]['input']>;
/** What a handler receives: the input after validation, trimming and defaults. */
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type Output<M extends MethodName> = z.output<Methods[M]['output']>;

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(methods, name);
