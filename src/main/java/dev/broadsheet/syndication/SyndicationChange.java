package dev.broadsheet.syndication;

/**
 * One change a partner must act on: store or replace the article ({@code UPSERT}, with the article as
 * it may receive it), or take it down ({@code WITHDRAWN}).
 *
 * @param seq the write-sequence position of the change (the cursor resumes after it)
 */
record SyndicationChange(Type type, String articleId, long version, long seq, SyndicatedArticle article) {

    enum Type { UPSERT, WITHDRAWN }
}
