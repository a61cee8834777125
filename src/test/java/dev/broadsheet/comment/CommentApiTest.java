package dev.broadsheet.comment;

import dev.broadsheet.ApiTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link ApiTest} with the client address taken from X-Forwarded-For, so each test can post as its own
 * reader without tripping another test's rate limits, and with a held-word list. The posting tests share
 * this one application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApiTest
@TestPropertySource(properties = {
    "broadsheet.comments.trust-forwarded-for=true",
    "broadsheet.comments.held-words=scam,crypto giveaway"
})
@interface CommentApiTest {
}
