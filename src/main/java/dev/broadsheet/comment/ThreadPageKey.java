package dev.broadsheet.comment;

import dev.broadsheet.api.PageRequest;

/**
 * One page of a thread to load in a batch: the shown children of an article (its top-level comments)
 * or of a comment (its replies), in an order.
 *
 * @param knownCount shown children known from the owner's counter, or -1 when unknown
 * @param page       the page, its cursor already checked against {@code order} and stripped of it
 */
record ThreadPageKey(Owner owner, String ownerId, int knownCount, CommentOrder order, PageRequest page) {

    enum Owner { ARTICLE, COMMENT }
}
