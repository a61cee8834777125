package dev.broadsheet.article;

import dev.broadsheet.api.ApiException;
import dev.broadsheet.security.Callers;
import dev.broadsheet.security.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Preview links: an editor asks for one, a front end shows the draft with it without an editor token.
 * Tokens are checked by signature alone (no lookup), so rotating {@code broadsheet.preview.secret}
 * revokes every link at once.
 */
@Service
class PreviewLinks {

    private static final Logger log = LoggerFactory.getLogger(PreviewLinks.class);
    private static final int MIN_SECRET_LENGTH = 32;

    /** What createPreviewLink returns. */
    record PreviewLink(String token, String url, Instant expiresAt) {
    }

    private final ArticleStore store;
    private final RevisionStore revisions;
    private final Callers callers;
    private final Clock clock;
    private final PreviewProperties properties;
    private final PreviewTokens tokens;

    PreviewLinks(ArticleStore store, RevisionStore revisions, Callers callers, Clock clock,
            PreviewProperties properties) {
        this.store = store;
        this.revisions = revisions;
        this.callers = callers;
        this.clock = clock;
        this.properties = properties;
        this.tokens = new PreviewTokens(secret(properties.secret()));
    }

    PreviewLink create(String articleId, Integer expiresInMinutes, Long revision) {
        callers.require(Role.EDITOR);
        int minutes = expiresInMinutes == null ? 60 : expiresInMinutes;
        if (minutes < 1 || Duration.ofMinutes(minutes).compareTo(properties.maxExpiry()) > 0) {
            throw ApiException.validation("expiresInMinutes",
                    "expiresInMinutes must be 1.." + properties.maxExpiry().toMinutes());
        }
        Article article = store.findById(articleId).orElseThrow(() -> ApiException.notFound("No article " + articleId));
        if (revision != null && revisions.find(articleId, revision).isEmpty()) {
            throw ApiException.validation("revision", "Article " + articleId + " has no revision " + revision);
        }
        Instant expiresAt = clock.instant().plus(Duration.ofMinutes(minutes));
        String token = tokens.sign(new PreviewTokens.Grant(articleId, revision == null ? 0 : revision, expiresAt));
        return new PreviewLink(token, url(article, token), expiresAt);
    }

    /**
     * The draft a token grants, as an editor would see it; FORBIDDEN when the token is wrong, expired,
     * or names another article than {@code slug}/{@code id}.
     */
    Optional<Article> resolve(String token, String slug, String id) {
        PreviewTokens.Grant grant = tokens.verify(token, clock.instant());
        if (id != null && !id.equals(grant.articleId())) {
            throw PreviewTokens.refused();
        }
        Optional<Article> current = store.findById(grant.articleId());
        if (current.isPresent() && slug != null && !slug.equals(current.get().slug())) {
            throw PreviewTokens.refused();
        }
        if (grant.revision() == 0) {
            return current;
        }
        return revisions.find(grant.articleId(), grant.revision()).map(ArticleRevision::article);
    }

    private String url(Article article, String token) {
        return properties.urlTemplate()
                .replace("{slug}", encode(article.slug()))
                .replace("{id}", encode(article.id()))
                .replace("{token}", encode(token));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static byte[] secret(String configured) {
        if (configured == null || configured.isBlank()) {
            log.warn("broadsheet.preview.secret is not set: preview links last only as long as this process, "
                    + "and other instances refuse them");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        }
        if (configured.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("broadsheet.preview.secret must be at least " + MIN_SECRET_LENGTH
                    + " characters");
        }
        return configured.getBytes(StandardCharsets.UTF_8);
    }
}
