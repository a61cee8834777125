package dev.broadsheet.comment;

/** Only {@code PUBLISHED} comments are shown to readers. */
public enum CommentStatus { PUBLISHED, PENDING, REJECTED, REMOVED }
