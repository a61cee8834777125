package dev.broadsheet.article;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Preview links: signed, expiring tokens that let a front end show one draft.
 *
 * @param secret      HMAC key shared by every instance (at least 32 characters); changing it revokes
 *                    every link issued. Unset: a random key per process (links die with it)
 * @param urlTemplate the front end's preview page; {@code {slug}}, {@code {id}} and {@code {token}} are
 *                    filled in (URL-encoded)
 * @param maxExpiry   the longest lifetime an editor may ask for
 */
@ConfigurationProperties("broadsheet.preview")
public record PreviewProperties(
        String secret,
        @DefaultValue("http://localhost:3000/preview/{slug}?token={token}") String urlTemplate,
        @DefaultValue("7d") Duration maxExpiry) {
}
