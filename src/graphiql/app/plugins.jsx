import { useState, useEffect } from 'react';
import { Button, useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { EXAMPLES } from './examples.js';
import { readToken, saveToken, onTokenChange, describeToken } from './token.js';

const KeyIcon = () => (
  <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
    <circle cx="8" cy="15" r="4" />
    <path d="M11 12l9-9M16 7l3 3M14 9l2 2" />
  </svg>
);

const BookIcon = () => (
  <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
    <path d="M4 4h7a3 3 0 0 1 3 3v13a2 2 0 0 0-2-2H4zM20 4h-5a3 3 0 0 0-3 3" />
    <path d="M20 4v14h-6" />
  </svg>
);

function TokenPanel() {
  const [saved, setSaved] = useState(readToken);
  const [draft, setDraft] = useState('');
  useEffect(() => onTokenChange(setSaved), []);
  const save = event => {
    event.preventDefault();
    saveToken(draft);
    setDraft('');
  };
  return (
    <div className="broadsheet-panel">
      <div className="graphiql-doc-explorer-title">Bearer token</div>
      <p>
        Anonymous callers read published content. An editor, admin or partner token (<code>bs_…</code>) is
        sent as <code>Authorization: Bearer …</code> with every request and subscription from this page.
        It is kept in this browser's local storage only.
      </p>
      <p className="broadsheet-token-status">
        Current token: <strong data-testid="token-status">{describeToken(saved)}</strong>
      </p>
      <form onSubmit={save}>
        <input
          type="password"
          autoComplete="off"
          spellCheck="false"
          placeholder="bs_…"
          aria-label="Bearer token"
          value={draft}
          onChange={event => setDraft(event.target.value)}
        />
        <div className="broadsheet-buttons">
          <Button type="submit" disabled={!draft.trim()}>Save token</Button>
          <Button type="button" onClick={() => saveToken('')} disabled={!saved}>Forget token</Button>
        </div>
      </form>
    </div>
  );
}

function ExamplesPanel() {
  const { addTab } = useGraphiQLActions();
  const queryEditor = useGraphiQL(state => state.queryEditor);
  const variableEditor = useGraphiQL(state => state.variableEditor);
  const open = example => {
    addTab();
    // The new tab takes over the editors; fill them once React has switched tabs.
    setTimeout(() => {
      queryEditor?.setValue(example.query);
      variableEditor?.setValue(example.variables);
    });
  };
  return (
    <div className="broadsheet-panel">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p>Each opens in a new tab. The first tabs already hold them on a first visit.</p>
      <ul className="broadsheet-examples">
        {EXAMPLES.map(example => (
          <li key={example.title}>
            <Button type="button" onClick={() => open(example)}>{example.title}</Button>
            <span>{example.who}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const TOKEN_PLUGIN = { title: 'Bearer token', icon: KeyIcon, content: TokenPanel };
export const EXAMPLES_PLUGIN = { title: 'Examples', icon: BookIcon, content: ExamplesPanel };
