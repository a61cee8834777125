package dev.broadsheet.security;

import dev.broadsheet.ExternalMongo;

/** {@link ApiTokenTest} again, on a MongoDB reached over a {@code mongodb://} URI. */
@ExternalMongo
class ApiTokenOnExternalMongoTest extends ApiTokenTest {
}
