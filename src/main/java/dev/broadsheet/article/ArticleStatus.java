package dev.broadsheet.article;

public enum ArticleStatus { DRAFT, SCHEDULED, PUBLISHED, ARCHIVED }
