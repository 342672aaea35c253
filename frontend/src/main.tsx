import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import './lib/i18n';
import './app/styles.css';
import { App } from './app/App';
import { makeQueryClient } from './app/providers';
import { prefetchLandingPage } from './app/prefetch';

const client = makeQueryClient();
const landing = prefetchLandingPage(client, window.location.pathname);

// The first render is a transition: React renders it in slices and lets the browser paint and answer
// input in between, instead of one long task (the page's shell from index.html stays until then).
// On an organisation's or event's page it waits for the page's data (at most 1.5 s; the server
// painted its heading meanwhile).
const render = () =>
  startTransition(() => {
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App client={client} />
      </StrictMode>,
    );
  });
void Promise.race([landing, new Promise((resolve) => setTimeout(resolve, 1500))]).then(render);
