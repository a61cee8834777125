package dev.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp.Response;
import dev.broadsheet.Tokens;
import dev.broadsheet.Tokens.Role;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Each editorial mutation for each role: allowed, or refused with the right code and nothing written. */
@ApiTest
class ArticleRolesTest {

    @LocalServerPort
    int port;

    @Test
    void readersAndPartnersCannotCreateArticles() {
        for (Role role : Arrays.asList(null, Role.PARTNER)) {
            String slug = Editorial.uniqueSlug("refused");
            Response response = Editorial.as(port, role).create(Editorial.draft(slug));

            assertThat(response.firstErrorCode()).as(String.valueOf(role)).isEqualTo(expectedRefusal(role));
            assertThat(Editorial.as(port, Role.ADMIN).preview(slug).data("article").isNull()).isTrue();
        }
        for (Role role : List.of(Role.EDITOR, Role.ADMIN)) {
            assertThat(Editorial.as(port, role).create(Editorial.draft(Editorial.uniqueSlug("ok"))).hasErrors()).isFalse();
        }
    }

    /** A mutation, applied to an article at {@code version}: published (2) or, for scheduling, a draft (1). */
    record Case(String name, boolean onPublished, Mutation mutation) {
    }

    interface Mutation {
        Response apply(Editorial client, String id, long version);
    }

    @Test
    void everyMutationOnAnArticleChecksTheRole() {
        List<Case> cases = List.of(
                new Case("updateArticle", true, (c, id, v) -> c.update(id, v, Map.of("title", "Changed"))),
                new Case("publishArticle", true, (c, id, v) -> c.transition("publish", id, v)),
                new Case("unpublishArticle", true, (c, id, v) -> c.transition("unpublish", id, v)),
                new Case("archiveArticle", true, (c, id, v) -> c.transition("archive", id, v)),
                new Case("scheduleArticle", false, (c, id, v) -> c.schedule(id, v, Instant.now().plusSeconds(3600).toString())),
                new Case("restoreArticleRevision", true, (c, id, v) -> c.restore(id, 1, v)),
                new Case("setCommentMode", true, (c, id, v) -> c.setCommentMode(id, v, "CLOSED")));
        Editorial admin = Editorial.as(port, Role.ADMIN);
        for (Case test : cases) {
            for (Role role : Arrays.asList(null, Role.PARTNER, Role.EDITOR, Role.ADMIN)) {
                String id = article(admin, test.onPublished());
                long version = test.onPublished() ? 2 : 1;
                Response response = test.mutation().apply(Editorial.as(port, role), id, version);

                String label = test.name() + " as " + role;
                if (role == Role.EDITOR || role == Role.ADMIN) {
                    assertThat(response.hasErrors()).as(label + ": " + response.body()).isFalse();
                } else {
                    assertThat(response.firstErrorCode()).as(label).isEqualTo(expectedRefusal(role));
                    JsonNode after = admin.preview(id).data("article");
                    assertThat(after.path("version").asLong()).as(label + " wrote nothing").isEqualTo(version);
                }
            }
        }
    }

    @Test
    void previewsAndRevisionsAreForEditorsOnly() {
        Editorial admin = Editorial.as(port, Role.ADMIN);
        String id = admin.createDraft(Editorial.uniqueSlug("private")).path("id").asString();
        for (Role role : Arrays.asList(null, Role.PARTNER)) {
            Editorial client = Editorial.as(port, role);
            assertThat(client.preview(id).firstErrorCode()).isEqualTo(expectedRefusal(role));
            assertThat(client.preview("no-such-id").firstErrorCode()).as("the same answer whether it exists or not")
                    .isEqualTo(expectedRefusal(role));
            Response read = client.read(id);
            if (role == null) {
                assertThat(read.data("article").isNull()).isTrue();
            } else {
                assertThat(read.firstErrorCode()).as("partner tokens read the syndication surface only").isEqualTo("FORBIDDEN");
            }
        }
        assertThat(Editorial.as(port, Role.EDITOR).revisions(id).data("article.revisions.edges").size()).isEqualTo(1);
    }

    private static String article(Editorial admin, boolean published) {
        String id = admin.createDraft(Editorial.uniqueSlug("roles")).path("id").asString();
        if (published) {
            assertThat(admin.transition("publish", id, 1).hasErrors()).isFalse();
        }
        return id;
    }

    private static String expectedRefusal(Role role) {
        return role == null ? "UNAUTHENTICATED" : "FORBIDDEN";
    }
}
