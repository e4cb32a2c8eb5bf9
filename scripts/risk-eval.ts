// npm run risk:eval -- --csv FILE --cutoff YYYY-MM-DD
// The proof that the payment risk score works: imports the invoice CSV into a fresh temporary book
// through the history import (creating the clients), fits the weights only on invoices issued before
// the cutoff (labelled with what was known on the cutoff), scores every invoice issued on or after
// it from what was known on its issue date, and reports AUC, KS, Brier and calibration. The last
// line of stdout is one JSON object {"auc","ks","brier","n"}.
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend, fixedClock, memoryPreferences, memorySecretStore, silentLogger } from '../electron/core/index.js';
import { loadHistories } from '../electron/core/risk/paymentHistories.js';
import { examplesOf } from '../electron/core/risk/invoiceOutcomes.js';
import { chooseModel } from '../shared/risk/fit.js';
import { auc, brier, calibration, ks } from '../shared/risk/metrics.js';
import { DEFAULT_MODEL, linearScore, sigmoid } from '../shared/risk/model.js';
import { FACTOR_CODES } from '../shared/risk/features.js';
import type { Output } from '../shared/api/methods.js';

const { values } = parseArgs({ options: { csv: { type: 'string' }, cutoff: { type: 'string' } } });
if (!values.csv || !values.cutoff || !/^\d{4}-\d{2}-\d{2}$/.test(values.cutoff)) {
  console.error('Usage: npm run risk:eval -- --csv FILE --cutoff YYYY-MM-DD');
  process.exit(2);
}
const cutoff = values.cutoff;
const log = (text: string) => process.stderr.write(`${text}\n`);
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

const dataDir = mkdtempSync(join(tmpdir(), 'hostledger-risk-eval-'));
const backend = await createBackend({ dataDir, clock: fixedClock(new Date().toISOString()), prefs: memoryPreferences(), secrets: memorySecretStore(), logger: silentLogger, actor: 'risk-eval' });
try {
  const answer = await backend.dispatch('imports.commit', { csv: readFileSync(values.csv, 'utf8'), fileName: basename(values.csv), createMissingClients: true });
  if (!answer.ok) throw new Error(`import refused: ${answer.error.message}`);
  const imported = answer.value as Output<'imports.commit'>;
  log(`imported ${imported.invoices} invoices, ${imported.clientsCreated} clients (${seconds()} s)`);

  const histories = loadHistories(backend.db);
  const train = examplesOf(histories, { from: '0000-01-01', to: cutoff }, cutoff);
  const test = examplesOf(histories, { from: cutoff, to: '9999-12-31' }, '9999-12-31');
  log(`features: ${train.length} training invoices, ${test.length} test invoices (${seconds()} s)`);

  const { model, holdout } = chooseModel(train, cutoff);
  log(`model: ${model.source} on ${model.trainedOn} labelled invoices (${seconds()} s)`);
  if (holdout) console.log(`held-out newest fifth before the cutoff: AUC defaults ${holdout.defaultAuc.toFixed(4)}, fit ${holdout.fittedAuc.toFixed(4)} → ${model.source} weights`);
  console.log(`weights (${model.source}; intercept ${model.intercept.toFixed(3)}):`);
  FACTOR_CODES.forEach((code, i) => console.log(`  ${code.padEnd(16)} ${model.weights[i].toFixed(3).padStart(8)}   default ${DEFAULT_MODEL.weights[i].toFixed(2)}`));

  const labels = test.map((e) => e.label);
  const report = (name: string, probabilities: number[]) => {
    console.log(`${name}: AUC ${auc(probabilities, labels).toFixed(4)}  KS ${ks(probabilities, labels).toFixed(4)}  Brier ${brier(probabilities, labels).toFixed(4)}`);
  };
  const probabilities = test.map((e) => sigmoid(linearScore(model, e.values)));
  // The one-line rule the score must beat: the client's smoothed, recency-weighted late rate alone.
  const lateRate = FACTOR_CODES.indexOf('late_rate');
  report('late rate alone', test.map((e) => sigmoid(e.values[lateRate])));
  if (model.source === 'fitted') report('default weights', test.map((e) => sigmoid(linearScore(DEFAULT_MODEL, e.values))));
  report(`${model.source} weights`, probabilities);
  console.log('calibration (predicted late share → observed):');
  for (const bin of calibration(probabilities, labels)) {
    console.log(`  ${bin.from.toFixed(1)}–${bin.to.toFixed(1)}  n ${String(bin.n).padStart(7)}  predicted ${bin.predicted.toFixed(3)}  observed ${bin.observed.toFixed(3)}`);
  }
  log(`done in ${seconds()} s`);
  const round = (x: number) => Number(x.toFixed(4));
  console.log(JSON.stringify({ auc: round(auc(probabilities, labels)), ks: round(ks(probabilities, labels)), brier: round(brier(probabilities, labels)), n: test.length }));
} finally {
  backend.close();
  rmSync(dataDir, { recursive: true, force: true });
}
