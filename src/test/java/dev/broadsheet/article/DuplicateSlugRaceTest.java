package dev.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp.Response;
import dev.broadsheet.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

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
        List<Response> responses = new ArrayList<>();
        try {
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return editor.create(Editorial.draft(slug));
                }));
            }
            start.countDown();
            for (Future<Response> call : calls) {
                responses.add(call.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(responses.stream().filter(response -> !response.hasErrors())).hasSize(1);
        assertThat(responses.stream().filter(Response::hasErrors)).hasSize(7).allSatisfy(refused -> {
            assertThat(refused.firstErrorCode()).isEqualTo("VALIDATION");
            assertThat(refused.errors().get(0).path("extensions").path("field").asString()).isEqualTo("input.slug");
        });
    }
}
