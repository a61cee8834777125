package dev.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.ResponseCacheHits;
import dev.broadsheet.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Answers that name no article (a slug lookup that found nothing, a latest list) carry keys that a
 * publish reaches, so publishing drops them from the response cache and a CDN can purge them. The reads
 * are plain HTTP GETs (the response cache and Surrogate-Key headers are HTTP); the editor's mutations go
 * through HttpGraphQlTester.
 */
@ApiTest
class ResponseCacheByContentTest {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry metrics;

    @Test
    void publishingDropsTheEarlierNullLookupAndTheListsThatCouldIncludeIt() {
        String section = Editorial.uniqueSlug("culture");
        String otherSection = Editorial.uniqueSlug("sport");
        String slug = Editorial.uniqueSlug("late-edition");
        Map<String, Object> input = Editorial.draft(slug);
        input.put("section", section);
        Editorial editor = Editorial.as(port, Tokens.Role.EDITOR);
        GraphQlTester.Response draft = editor.create(input);
        String id = draft.errors().verify().path("createArticle.id").entity(String.class).get();

        HttpResponse<String> lookup = get("article/lookupBySlug", Map.of("slug", slug));
        HttpResponse<String> list = get("article/sectionList", Map.of("section", section));
        HttpResponse<String> otherList = get("article/sectionList", Map.of("section", otherSection));
        assertThat(lookup.body()).contains("\"article\":null");
        assertThat(keys(lookup)).contains("slug:" + slug);
        assertThat(keys(list)).contains("list:section:" + section);
        assertThat(servedFromCache("article/lookupBySlug", Map.of("slug", slug))).isTrue();
        assertThat(servedFromCache("article/sectionList", Map.of("section", section))).isTrue();

        Article published = new Article(id, slug, "Ferry fares rise again", null, section, java.util.List.of("transport"),
                java.util.List.of(), ArticleStatus.PUBLISHED, null, null, 2, null, java.util.List.of(), CommentMode.OPEN,
                false, 0);
        Set<String> reached = ArticleReadCache.keysOf(id, Optional.empty(), Optional.of(published));
        assertThat(reached).as("a purge by the publish's keys covers both earlier answers")
                .containsAll(Set.of("slug:" + slug, "list:section:" + section, "list:all"))
                .doesNotContain("list:section:" + otherSection);

        editor.transition("publish", id, draft.path("createArticle.version").entity(Long.class).get()).errors().verify();

        double hits = hits();
        HttpResponse<String> lookupAfter = get("article/lookupBySlug", Map.of("slug", slug));
        HttpResponse<String> listAfter = get("article/sectionList", Map.of("section", section));
        assertThat(hits()).as("neither stale answer is served").isEqualTo(hits);
        assertThat(lookupAfter.body()).contains("\"id\":\"" + id + "\"");
        assertThat(listAfter.body()).contains("\"slug\":\"" + slug + "\"");
        assertThat(servedFromCache("article/sectionList", Map.of("section", otherSection)))
                .as("a list the article cannot appear in stays cached").isTrue();
        assertThat(otherList.statusCode()).isEqualTo(200);
    }

    @Test
    void onlyTheCommentCountMovingReachesOnlyTheThreadKey() {
        Article before = new Article("a1", "s", "t", null, "news", java.util.List.of("x"), java.util.List.of(),
                ArticleStatus.PUBLISHED, null, null, 3, null, java.util.List.of(), CommentMode.OPEN, false, 4);
        Article after = new Article("a1", "s", "t", null, "news", java.util.List.of("x"), java.util.List.of(),
                ArticleStatus.PUBLISHED, null, null, 3, null, java.util.List.of(), CommentMode.OPEN, false, 5);

        assertThat(ArticleReadCache.keysOf("a1", Optional.of(before), Optional.of(after)))
                .containsExactly("comment-thread:a1");
    }

    private boolean servedFromCache(String document, Map<String, String> variables) {
        return ResponseCacheHits.served(metrics, () -> get(document, variables));
    }

    private Set<String> keys(HttpResponse<String> response) {
        return new HashSet<>(Arrays.asList(response.headers().firstValue("Surrogate-Key").orElse("").split(" ")));
    }

    private HttpResponse<String> get(String document, Map<String, String> variables) {
        return GraphQlHttp.at(port).getDocument(document, variables);
    }

    private double hits() {
        return ResponseCacheHits.count(metrics);
    }
}
