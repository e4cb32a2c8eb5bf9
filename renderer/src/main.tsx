// Starts the renderer: picks the transport (IPC in the desktop app, HTTP in browser mode), reads
// the language preference, then shows the app. A refused token replaces everything with a screen
// that says how to get in, because nothing else can work without it.
// First, before any module that builds a schema: see the module.
import './zodWithoutEval.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { HostLedgerBridge } from '../../shared/api/bridge.js';
import { takeAccessToken } from './api/accessToken.js';
import { createApiClient } from './api/apiClient.js';
import { ApiProvider } from './api/ApiProvider.js';
import { createHttpTransport } from './api/httpTransport.js';
import { App } from './app/App.js';
import { AppLockGate } from './lock/AppLockGate.js';
import { SignedOutScreen } from './app/SignedOutScreen.js';
import { browserLanguage, I18nProvider, isLanguage } from './i18n/I18nProvider.js';
import './styles.css';
import './documents/documents.css';
import './evidence/evidence.css';

declare global {
  interface Window {
    /** Put there by the desktop app's preload script; absent in browser mode. */
    hostledger?: HostLedgerBridge;
  }
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
const root = createRoot(container);
let signedOut = false;

function showSignedOut() {
  signedOut = true;
  // Keep speaking the language the user was just reading.
  const shown = document.documentElement.lang;
  root.render(<SignedOutScreen language={isLanguage(shown) ? shown : browserLanguage()} />);
}

async function start() {
  document.documentElement.lang = browserLanguage();
  let bridge = window.hostledger;
  if (!bridge) {
    const token = takeAccessToken();
    if (!token) return showSignedOut();
    bridge = createHttpTransport({ token, onUnauthorized: showSignedOut });
  }
  const api = createApiClient(bridge);
  const preferences = await api.call('preferences.get', {});
  if (signedOut) return;
  const language = (preferences.ok && preferences.value.language) || browserLanguage();
  root.render(
    <StrictMode>
      <ApiProvider api={api}>
        <I18nProvider initialLanguage={language}>
          <AppLockGate>
            <App />
          </AppLockGate>
        </I18nProvider>
      </ApiProvider>
    </StrictMode>,
  );
}

void start();
