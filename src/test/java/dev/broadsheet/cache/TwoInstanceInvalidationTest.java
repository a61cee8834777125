package dev.broadsheet.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.Testers;
import dev.broadsheet.TwoInstances;
import dev.broadsheet.api.PeriodicTask;
import dev.broadsheet.article.Article;
import dev.broadsheet.article.ArticleService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Two application instances share one database over TCP ({@link TwoInstances}, the pair other test classes use
 * too): B's caches follow A's writes. The test stops B's follower and runs its rounds itself, so nothing depends
 * on how fast the machine is; {@code broadsheet.cache.follow-interval} (250 ms) is how often a real instance
 * runs them. Reads through Spring's HttpGraphQlTester.
 */
class TwoInstanceInvalidationTest {

    private static final String SLUG = "dock-workers-walk-out-over-pay-freeze";

    private TwoInstances instances;
    private ChangeFollower followerOnB;
    private PeriodicTask roundsOnB;

    @BeforeEach
    void pauseTheFollowerOfB() {
        instances = TwoInstances.shared();
        followerOnB = instances.b.getBean(ChangeFollower.class);
        roundsOnB = instances.b.getBean("changeFollowing", PeriodicTask.class);
        roundsOnB.stop();
        followerOnB.poll(); // what B's rounds had not yet seen
    }

    @AfterEach
    void resumeIt() {
        roundsOnB.start();
    }

    @Test
    void instanceBServesAnEditMadeOnInstanceAAfterOneRoundOfFollowing() {
        HttpGraphQlTester readerOnB = Testers.anonymous(TwoInstances.port(instances.b));
        String before = title(readerOnB);
        String edited = "Edited on A " + System.nanoTime();
        assertThat(title(readerOnB)).isEqualTo(before); // now cached on B

        ArticleService articlesOnA = instances.a.getBean(ArticleService.class);
        Article article = articlesOnA.findPublished(SLUG, null).orElseThrow();
        articlesOnA.save(new Article(article.id(), article.slug(), edited, article.standfirst(),
                article.section(), article.tags(), article.authors(), article.status(), article.publishedAt(),
                article.updatedAt(), article.version() + 1, article.featuredImage(), article.body(),
                article.commentMode(), article.suppressDonations(), article.commentCount()));
        assertThat(title(readerOnB)).as("B before it follows: its cached copy").isEqualTo(before);

        followerOnB.poll();

        assertThat(title(readerOnB)).isEqualTo(edited);
    }

    private static String title(HttpGraphQlTester reader) {
        return reader.documentName("article/articleLookup").variable("slug", SLUG).execute()
                .path("article.title").entity(String.class).get();
    }
}
