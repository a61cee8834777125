// The example operations, one .graphql file and one variables file each (the Java test
// GraphiqlExamplesTest validates every .graphql file against the schema).
import articlePage from '../examples/1-article-page.graphql';
import articlePageVariables from '../examples/1-article-page.variables.json';
import commentThread from '../examples/2-comment-thread.graphql';
import commentThreadVariables from '../examples/2-comment-thread.variables.json';
import latest from '../examples/3-latest.graphql';
import latestVariables from '../examples/3-latest.variables.json';
import draftEdit from '../examples/4-draft-edit.graphql';
import draftEditVariables from '../examples/4-draft-edit.variables.json';
import partnerPull from '../examples/5-partner-pull.graphql';
import partnerPullVariables from '../examples/5-partner-pull.variables.json';
import liveUpdates from '../examples/6-live-updates.graphql';
import liveUpdatesVariables from '../examples/6-live-updates.variables.json';

const variables = value => JSON.stringify(value, null, 2);

export const EXAMPLES = [
  { title: 'Article page', who: 'anyone', query: articlePage, variables: variables(articlePageVariables) },
  { title: 'Comment thread', who: 'anyone', query: commentThread, variables: variables(commentThreadVariables) },
  { title: 'Latest articles', who: 'anyone', query: latest, variables: variables(latestVariables) },
  { title: 'Draft edit', who: 'editor token', query: draftEdit, variables: variables(draftEditVariables) },
  { title: 'Partner pull', who: 'partner or admin token', query: partnerPull, variables: variables(partnerPullVariables) },
  { title: 'Live updates', who: 'editor token', query: liveUpdates, variables: variables(liveUpdatesVariables) },
];
