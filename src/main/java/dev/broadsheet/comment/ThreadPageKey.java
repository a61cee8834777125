package dev.broadsheet.comment;

import dev.broadsheet.graphql.PageRequest;

/**
 * One page of a thread to load in a batch: the visible children of an article (its top-level comments)
 * or of a comment (its replies).
 *
 * @param knownCount visible children known from the owner's counter, or -1 when unknown
 */
record ThreadPageKey(Owner owner, String ownerId, int knownCount, PageRequest page) {

    enum Owner { ARTICLE, COMMENT }
}
