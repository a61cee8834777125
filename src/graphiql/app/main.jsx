import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { HISTORY_PLUGIN } from '@graphiql/plugin-history';
// graphiql/style.css would add a second copy of Monaco's styles (its imports bring them) and the
// Roboto font (the UI falls back to the system's sans-serif).
import '@graphiql/react/style.css';
import '@graphiql/plugin-doc-explorer/style.css';
import '@graphiql/plugin-history/style.css';
import 'graphiql/graphiql.css';
import '@graphiql/react/font/fira-code.css';
import './broadsheet.css';
import { createFetcher } from './fetcher.js';
import { EXAMPLES } from './examples.js';
import { TOKEN_PLUGIN, EXAMPLES_PLUGIN } from './plugins.jsx';

// The server fills in these data attributes (GraphiqlPage): where the API and the page's own files are.
const root = document.getElementById('graphiql');
const { endpoint, subscriptions, assets } = root.dataset;

// Monaco's language services run in web workers, bundled next to this file: nothing comes from a CDN.
globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const name = label === 'json' ? 'json' : label === 'graphql' ? 'graphql' : 'editor';
    return new Worker(`${assets}/${name}.worker.js`);
  },
};

// GraphiQL fills the first tab's variables editor from initialVariables only, not from defaultTabs.
const firstVisit = (() => {
  try {
    return !window.localStorage.getItem('graphiql:tabState');
  } catch {
    return true;
  }
})();

createRoot(root).render(
  <GraphiQL
    fetcher={createFetcher({ endpoint, subscriptions })}
    plugins={[TOKEN_PLUGIN, EXAMPLES_PLUGIN, HISTORY_PLUGIN]}
    defaultTabs={EXAMPLES.map(({ query, variables }) => ({ query, variables }))}
    initialVariables={firstVisit ? EXAMPLES[0].variables : undefined}
    defaultEditorToolsVisibility="variables"
  >
    <GraphiQL.Logo>Broadsheet</GraphiQL.Logo>
  </GraphiQL>,
);
