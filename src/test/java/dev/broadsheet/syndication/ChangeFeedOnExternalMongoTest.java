package dev.broadsheet.syndication;

import dev.broadsheet.ExternalMongo;

/** {@link ChangeFeedTest} again, on a MongoDB reached over a {@code mongodb://} URI. */
@ExternalMongo
class ChangeFeedOnExternalMongoTest extends ChangeFeedTest {
}
