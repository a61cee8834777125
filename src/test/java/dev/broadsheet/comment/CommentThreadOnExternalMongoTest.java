package dev.broadsheet.comment;

import dev.broadsheet.ExternalMongo;

/** {@link CommentThreadTest} again, on a MongoDB reached over a {@code mongodb://} URI. */
@ExternalMongo
class CommentThreadOnExternalMongoTest extends CommentThreadTest {
}
