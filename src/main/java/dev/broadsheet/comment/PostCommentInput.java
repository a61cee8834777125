package dev.broadsheet.comment;

/** What a reader sends to post a comment; everything else (status, time, depth) the server decides. */
record PostCommentInput(String articleId, String parentId, String authorName, String body, String idempotencyKey) {
}
