package dev.broadsheet.article;

import static dev.broadsheet.article.Editorial.code;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.Tokens;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Renamed slugs redirect, archived ones are gone, corrections are public; through HttpGraphQlTester. */
@ApiTest
class RedirectsAndCorrectionsTest {

    @LocalServerPort
    int port;

    @Test
    void theSampleRenamedSlugRedirectsAndItsCorrectionIsPublic() {
        GraphQlTester.Response resolved = resolve("/news/council-postpones-vote-on-closing-northfield-and-quayside-libraries");
        resolved.path("resolvePath.status").entity(Integer.class).isEqualTo(301);
        resolved.path("resolvePath.redirectTo").entity(String.class)
                .isEqualTo("/news/council-delays-vote-on-branch-library-closures");

        GraphQlTester.Response article = bySlug("council-postpones-vote-on-closing-northfield-and-quayside-libraries");
        article.path("article.slug").entity(String.class).isEqualTo("council-delays-vote-on-branch-library-closures");
        article.path("article.redirectedFrom").entity(String.class)
                .isEqualTo("council-postpones-vote-on-closing-northfield-and-quayside-libraries");
        article.path("article.corrections[0].kind").entity(String.class).isEqualTo("CORRECTION");
        assertThat(Instant.parse(article.path("article.dateModified").entity(String.class).get()))
                .isAfter(Instant.parse(article.path("article.publishedAt").entity(String.class).get()));

        bySlug("council-delays-vote-on-branch-library-closures").path("article.redirectedFrom").valueIsNull();
        assertThat(status("/news/council-delays-vote-on-branch-library-closures/")).isEqualTo(200);
    }

    @Test
    void aSlugChangeAnswers301ThenArchivingAnswers410AndUnknownOrDraftPaths404() {
        Editorial editor = Editorial.as(port, Tokens.Role.EDITOR);
        String oldSlug = Editorial.uniqueSlug("ferry-fares");
        GraphQlTester.Response draft = editor.createDraft(oldSlug);
        String id = draft.path("createArticle.id").entity(String.class).get();
        assertThat(status("/news/" + oldSlug)).isEqualTo(404);

        GraphQlTester.Response published = editor.transition("publish", id,
                draft.path("createArticle.version").entity(Long.class).get());
        published.errors().verify();
        String newSlug = Editorial.uniqueSlug("ferry-fares-rise");
        GraphQlTester.Response renamed = editor.update(id,
                published.path("publishArticle.version").entity(Long.class).get(), Map.of("slug", newSlug));
        renamed.errors().verify();

        GraphQlTester.Response moved = resolve("/news/" + oldSlug + "?ref=home");
        moved.path("resolvePath.status").entity(Integer.class).isEqualTo(301);
        moved.path("resolvePath.redirectTo").entity(String.class).isEqualTo("/news/" + newSlug);
        moved.path("resolvePath.article.slug").entity(String.class).isEqualTo(newSlug);
        bySlug(oldSlug).path("article.redirectedFrom").entity(String.class).isEqualTo(oldSlug);

        long version = renamed.path("updateArticle.version").entity(Long.class).get();
        editor.transition("archive", id, version).errors().verify();
        assertThat(status("/news/" + newSlug)).isEqualTo(410);
        assertThat(status("/news/" + oldSlug)).isEqualTo(410);
        assertThat(status("/news/no-such-story-" + System.nanoTime())).isEqualTo(404);
        assertThat(status("/news/leaked-budget-shows-deeper-bus-cuts")).isEqualTo(404);
        assertThat(status("/../{$ne:1}")).isEqualTo(404);
    }

    @Test
    void editorsAddCorrectionsThatSetDateModified() {
        Editorial editor = Editorial.as(port, Tokens.Role.EDITOR);
        String slug = Editorial.uniqueSlug("corrected");
        GraphQlTester.Response draft = editor.createDraft(slug);
        String id = draft.path("createArticle.id").entity(String.class).get();
        long version = editor.transition("publish", id, draft.path("createArticle.version").entity(Long.class).get())
                .path("publishArticle.version").entity(Long.class).get();

        HttpGraphQlTester client = Editorial.tester(port, Tokens.Role.EDITOR);
        GraphQlTester.Response corrected = addCorrection(client, id, version,
                Map.of("kind", "CLARIFICATION", "text", "The fare rise applies to adult tickets only."));
        corrected.errors().verify();
        corrected.path("addCorrection.corrections[0].kind").entity(String.class).isEqualTo("CLARIFICATION");
        corrected.path("addCorrection.dateModified").entity(String.class)
                .isEqualTo(corrected.path("addCorrection.corrections[0].at").entity(String.class).get());
        long correctedVersion = corrected.path("addCorrection.version").entity(Long.class).get();

        GraphQlTester.Response edited = editor.update(id, correctedVersion, Map.of("title", "Ferry fares rise (corrected)"));
        edited.errors().verify();
        assertThat(bySlug(slug).path("article.corrections").entityList(Object.class).get()).as("an edit keeps the corrections")
                .hasSize(1);

        assertThat(code(addCorrection(client, id, version, Map.of("kind", "UPDATE", "text", "Stale"))))
                .isEqualTo("VERSION_CONFLICT");
        assertThat(code(addCorrection(client, id, edited.path("updateArticle.version").entity(Long.class).get(),
                Map.of("kind", "UPDATE", "text", " ")))).isEqualTo("VALIDATION");
        assertThat(code(addCorrection(Editorial.tester(port, null), id, correctedVersion,
                Map.of("kind", "UPDATE", "text", "Anonymous")))).isIn("UNAUTHENTICATED", "FORBIDDEN");
    }

    private static GraphQlTester.Response addCorrection(HttpGraphQlTester caller, String id, long version,
            Map<String, Object> input) {
        return caller.documentName("article/editing/addCorrection").variable("id", id).variable("v", version)
                .variable("input", input).execute();
    }

    private GraphQlTester.Response resolve(String path) {
        return Editorial.tester(port, null).documentName("article/resolvePath").variable("path", path).execute();
    }

    private int status(String path) {
        return resolve(path).path("resolvePath.status").entity(Integer.class).get();
    }

    private GraphQlTester.Response bySlug(String slug) {
        return Editorial.tester(port, null).documentName("article/corrections").variable("slug", slug).execute();
    }
}
