package dev.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import dev.broadsheet.Tokens;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ApiTest
class RedirectsAndCorrectionsTest {

    private static final String RESOLVE = "query($path: String!) { resolvePath(path: $path) { status redirectTo article { slug } } }";
    private static final String BY_SLUG = "query($slug: String!) { article(slug: $slug) { slug redirectedFrom "
            + "corrections { kind text at } dateModified publishedAt } }";

    @LocalServerPort
    int port;

    @Test
    void theSampleRenamedSlugRedirectsAndItsCorrectionIsPublic() {
        GraphQlHttp reader = GraphQlHttp.at(port);
        Response resolved = reader.query(RESOLVE,
                Map.of("path", "/news/council-postpones-vote-on-closing-northfield-and-quayside-libraries"));
        assertThat(resolved.data("resolvePath.status").asInt()).isEqualTo(301);
        assertThat(resolved.data("resolvePath.redirectTo").asString())
                .isEqualTo("/news/council-delays-vote-on-branch-library-closures");

        JsonNode article = reader.query(BY_SLUG,
                Map.of("slug", "council-postpones-vote-on-closing-northfield-and-quayside-libraries")).data("article");
        assertThat(article.path("slug").asString()).isEqualTo("council-delays-vote-on-branch-library-closures");
        assertThat(article.path("redirectedFrom").asString())
                .isEqualTo("council-postpones-vote-on-closing-northfield-and-quayside-libraries");
        assertThat(article.path("corrections").path(0).path("kind").asString()).isEqualTo("CORRECTION");
        assertThat(Instant.parse(article.path("dateModified").asString()))
                .isAfter(Instant.parse(article.path("publishedAt").asString()));

        Response current = reader.query(BY_SLUG, Map.of("slug", "council-delays-vote-on-branch-library-closures"));
        assertThat(current.data("article.redirectedFrom").isNull()).isTrue();
        assertThat(reader.query(RESOLVE, Map.of("path", "/news/council-delays-vote-on-branch-library-closures/"))
                .data("resolvePath.status").asInt()).isEqualTo(200);
    }

    @Test
    void aSlugChangeAnswers301ThenArchivingAnswers410AndUnknownOrDraftPaths404() {
        Editorial editor = Editorial.as(port, Tokens.Role.EDITOR);
        GraphQlHttp reader = GraphQlHttp.at(port);
        String oldSlug = Editorial.uniqueSlug("ferry-fares");
        JsonNode draft = editor.createDraft(oldSlug);
        String id = draft.path("id").asString();
        assertThat(reader.query(RESOLVE, Map.of("path", "/news/" + oldSlug)).data("resolvePath.status").asInt()).isEqualTo(404);

        Response published = editor.transition("publish", id, draft.path("version").asLong());
        assertThat(published.hasErrors()).as(published.body().toString()).isFalse();
        String newSlug = Editorial.uniqueSlug("ferry-fares-rise");
        Response renamed = editor.update(id, published.data("publishArticle.version").asLong(), Map.of("slug", newSlug));
        assertThat(renamed.hasErrors()).as(renamed.body().toString()).isFalse();

        Response moved = reader.query(RESOLVE, Map.of("path", "/news/" + oldSlug + "?ref=home"));
        assertThat(moved.data("resolvePath.status").asInt()).isEqualTo(301);
        assertThat(moved.data("resolvePath.redirectTo").asString()).isEqualTo("/news/" + newSlug);
        assertThat(moved.data("resolvePath.article.slug").asString()).isEqualTo(newSlug);
        assertThat(reader.query(BY_SLUG, Map.of("slug", oldSlug)).data("article.redirectedFrom").asString()).isEqualTo(oldSlug);

        long version = renamed.data("updateArticle.version").asLong();
        assertThat(editor.transition("archive", id, version).hasErrors()).isFalse();
        assertThat(reader.query(RESOLVE, Map.of("path", "/news/" + newSlug)).data("resolvePath.status").asInt()).isEqualTo(410);
        assertThat(reader.query(RESOLVE, Map.of("path", "/news/" + oldSlug)).data("resolvePath.status").asInt()).isEqualTo(410);
        assertThat(reader.query(RESOLVE, Map.of("path", "/news/no-such-story-" + System.nanoTime()))
                .data("resolvePath.status").asInt()).isEqualTo(404);
        assertThat(reader.query(RESOLVE, Map.of("path", "/news/leaked-budget-shows-deeper-bus-cuts"))
                .data("resolvePath.status").asInt()).isEqualTo(404);
        assertThat(reader.query(RESOLVE, Map.of("path", "/../{$ne:1}")).data("resolvePath.status").asInt()).isEqualTo(404);
    }

    @Test
    void editorsAddCorrectionsThatSetDateModified() {
        Editorial editor = Editorial.as(port, Tokens.Role.EDITOR);
        String slug = Editorial.uniqueSlug("corrected");
        JsonNode draft = editor.createDraft(slug);
        String id = draft.path("id").asString();
        long version = editor.transition("publish", id, draft.path("version").asLong()).data("publishArticle.version").asLong();

        String add = "mutation($id: ID!, $v: Int!, $input: CorrectionInput!) { addCorrection(articleId: $id, "
                + "expectedVersion: $v, input: $input) { version dateModified publishedAt corrections { kind text at } } }";
        GraphQlHttp client = Tokens.client(port, Tokens.Role.EDITOR);
        Response corrected = client.query(add, Map.of("id", id, "v", version,
                "input", Map.of("kind", "CLARIFICATION", "text", "The fare rise applies to adult tickets only.")));
        assertThat(corrected.hasErrors()).as(corrected.body().toString()).isFalse();
        JsonNode article = corrected.data("addCorrection");
        assertThat(article.path("corrections").path(0).path("kind").asString()).isEqualTo("CLARIFICATION");
        assertThat(article.path("dateModified").asString()).isEqualTo(article.path("corrections").path(0).path("at").asString());

        Response edited = editor.update(id, article.path("version").asLong(), Map.of("title", "Ferry fares rise (corrected)"));
        assertThat(edited.hasErrors()).as(edited.body().toString()).isFalse();
        JsonNode afterEdit = GraphQlHttp.at(port).query(BY_SLUG, Map.of("slug", slug))
                .data("article");
        assertThat(afterEdit.path("corrections").size()).as("an edit keeps the corrections").isEqualTo(1);

        assertThat(client.query(add, Map.of("id", id, "v", version, "input", Map.of("kind", "UPDATE", "text", "Stale")))
                .firstErrorCode()).isEqualTo("VERSION_CONFLICT");
        assertThat(client.query(add, Map.of("id", id, "v", edited.data("updateArticle.version").asLong(),
                "input", Map.of("kind", "UPDATE", "text", " "))).firstErrorCode()).isEqualTo("VALIDATION");
        assertThat(GraphQlHttp.at(port).query(add, Map.of("id", id, "v", article.path("version").asLong(),
                "input", Map.of("kind", "UPDATE", "text", "Anonymous"))).firstErrorCode()).isIn("UNAUTHENTICATED", "FORBIDDEN");
    }
}
