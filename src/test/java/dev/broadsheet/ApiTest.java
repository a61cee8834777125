package dev.broadsheet;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test against the whole application on a random port, on an in-memory embedded server holding the
 * sample content. Every test using it shares one application context. The client address is taken from
 * X-Forwarded-For, so a test can post as a reader of its own without tripping another test's rate limits,
 * and a held-word list is set for the moderation tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "broadsheet.store.in-memory=true",
    "broadsheet.sample.enabled=true",
    "broadsheet.security.bootstrap-admin-token=" + ApiTest.ADMIN_TOKEN,
    "broadsheet.syndication.settle-after=500ms",
    "broadsheet.syndication.webhooks.poll-interval=PT1H",
    "broadsheet.comments.trust-forwarded-for=true",
    "broadsheet.comments.held-words=scam,crypto giveaway"
})
public @interface ApiTest {

    /** The bootstrap admin token every {@code @ApiTest} application accepts. */
    String ADMIN_TOKEN = "bs_test-admin-token-0123456789";
}
