package dev.broadsheet.article;

import dev.broadsheet.ExternalMongo;

/** {@link ArticleEditingTest} again, on a MongoDB reached over a {@code mongodb://} URI. */
@ExternalMongo
class ArticleEditingOnExternalMongoTest extends ArticleEditingTest {
}
