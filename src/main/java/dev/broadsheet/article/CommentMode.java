package dev.broadsheet.article;

/** Whether readers may comment on an article, and whether their comments wait for a moderator. */
public enum CommentMode { OPEN, PREMODERATED, CLOSED }
