package dev.broadsheet.article;

import static dev.broadsheet.article.Editorial.code;
import static dev.broadsheet.article.Editorial.hasErrors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.Tokens.Role;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Each editorial mutation for each role: allowed, or refused with the right code and nothing written. */
@ApiTest
class ArticleRolesTest {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Test
    void readersAndPartnersCannotCreateArticles() {
        for (Role role : Arrays.asList(null, Role.PARTNER)) {
            String slug = Editorial.uniqueSlug("refused");
            GraphQlTester.Response response = Editorial.as(port, role).create(Editorial.draft(slug));

            assertThat(code(response)).as(String.valueOf(role)).isEqualTo(expectedRefusal(role));
            Editorial.tester(port, Role.ADMIN).documentName("article/editing/preview").variable("slug", slug)
                    .variable("preview", true).execute().errors().verify().path("article").valueIsNull();
        }
        for (Role role : List.of(Role.EDITOR, Role.ADMIN)) {
            Editorial.as(port, role).create(Editorial.draft(Editorial.uniqueSlug("ok"))).errors().verify();
        }
    }

    /** A mutation, applied to an article at {@code version}: published (2) or, for scheduling, a draft (1). */
    record Case(String name, boolean onPublished, Mutation mutation) {
    }

    interface Mutation {
        GraphQlTester.Response apply(Editorial client, String id, long version);
    }

    @Test
    void everyMutationOnAnArticleChecksTheRole() {
        List<Case> cases = List.of(
                new Case("updateArticle", true, (c, id, v) -> c.update(id, v, Map.of("title", "Changed"))),
                new Case("publishArticle", true, (c, id, v) -> c.transition("publish", id, v)),
                new Case("unpublishArticle", true, (c, id, v) -> c.transition("unpublish", id, v)),
                new Case("archiveArticle", true, (c, id, v) -> c.transition("archive", id, v)),
                new Case("scheduleArticle", false, (c, id, v) -> c.schedule(id, v, clock.instant().plusSeconds(3600).toString())),
                new Case("restoreArticleRevision", true, (c, id, v) -> c.restore(id, 1, v)),
                new Case("setCommentMode", true, (c, id, v) -> c.setCommentMode(id, v, "CLOSED")));
        Editorial admin = Editorial.as(port, Role.ADMIN);
        for (Case test : cases) {
            for (Role role : Arrays.asList(null, Role.PARTNER, Role.EDITOR, Role.ADMIN)) {
                String id = article(admin, test.onPublished());
                long version = test.onPublished() ? 2 : 1;
                GraphQlTester.Response response = test.mutation().apply(Editorial.as(port, role), id, version);

                String label = test.name() + " as " + role;
                if (role == Role.EDITOR || role == Role.ADMIN) {
                    assertThat(hasErrors(response)).as(label).isFalse();
                } else {
                    assertThat(code(response)).as(label).isEqualTo(expectedRefusal(role));
                    assertThat(admin.preview(id).path("article.version").entity(Long.class).get()).as(label + " wrote nothing")
                            .isEqualTo(version);
                }
            }
        }
    }

    @Test
    void previewsAndRevisionsAreForEditorsOnly() {
        Editorial admin = Editorial.as(port, Role.ADMIN);
        String id = admin.draftId(Editorial.uniqueSlug("private"));
        for (Role role : Arrays.asList(null, Role.PARTNER)) {
            Editorial client = Editorial.as(port, role);
            assertThat(code(client.preview(id))).isEqualTo(expectedRefusal(role));
            assertThat(code(client.preview("no-such-id"))).as("the same answer whether it exists or not")
                    .isEqualTo(expectedRefusal(role));
            GraphQlTester.Response read = client.read(id);
            if (role == null) {
                read.errors().verify().path("article").valueIsNull();
            } else {
                assertThat(code(read)).as("partner tokens read the syndication surface only").isEqualTo("FORBIDDEN");
            }
        }
        Editorial.as(port, Role.EDITOR).revisions(id).path("article.revisions.edges").entityList(Object.class).hasSize(1);
    }

    private static String article(Editorial admin, boolean published) {
        String id = admin.draftId(Editorial.uniqueSlug("roles"));
        if (published) {
            admin.transition("publish", id, 1).errors().verify();
        }
        return id;
    }

    private static String expectedRefusal(Role role) {
        return role == null ? "UNAUTHENTICATED" : "FORBIDDEN";
    }
}
