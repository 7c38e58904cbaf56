import { render } from 'preact';
import { App } from './app.tsx';
import { activateLocale, initialLocale } from './i18n/i18n.ts';
import { loadSession } from './session.ts';
import './styles.css';

async function start(): Promise<void> {
  await activateLocale(initialLocale(), false);
  const root = document.getElementById('app');
  if (!root) throw new Error('#app is missing from index.html');
  render(<App />, root);
  await loadSession();
  // The service worker keeps the app shell on the phone, so it opens without a connection.
  if ('serviceWorker' in navigator && import.meta.env.PROD) {
    navigator.serviceWorker
      .register('/sw.js')
      .catch((error: unknown) => console.warn('Service worker not registered:', error));
  }
}

void start();
