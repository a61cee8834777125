package dev.broadsheet.article;

import static dev.broadsheet.Testers.firstError;
import static dev.broadsheet.article.Editorial.hasErrors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Editors racing to create articles with one slug, through HttpGraphQlTester. */
@ApiTest
class DuplicateSlugRaceTest {

    @LocalServerPort
    int port;

    @Test
    void editorsRacingForOneSlugGetOneArticleAndValidationErrorsNotUnavailable() throws Exception {
        Editorial editor = Editorial.as(port, Tokens.Role.EDITOR);
        String slug = Editorial.uniqueSlug("race");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<GraphQlTester.Response> responses = new ArrayList<>();
        try {
            List<Future<GraphQlTester.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return editor.create(Editorial.draft(slug));
                }));
            }
            start.countDown();
            for (Future<GraphQlTester.Response> call : calls) {
                responses.add(call.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(responses.stream().filter(response -> !hasErrors(response))).hasSize(1);
        assertThat(responses.stream().filter(Editorial::hasErrors)).hasSize(7).allSatisfy(refused ->
                assertThat(firstError(refused)).containsEntry("code", "VALIDATION").containsEntry("field", "input.slug"));
    }
}
