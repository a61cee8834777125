package dev.broadsheet.store;

import dev.broadsheet.ExternalMongo;

/** {@link ExternalMongoSwitchTest} again, on a MongoDB reached over a {@code mongodb://} URI. */
@ExternalMongo
class ExternalMongoSwitchOnExternalMongoTest extends ExternalMongoSwitchTest {
}
