package dev.broadsheet.syndication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.broadsheet.article.Article;
import dev.broadsheet.article.ArticleChange;
import dev.broadsheet.article.ArticleService;
import dev.broadsheet.article.ArticleStatus;
import dev.broadsheet.article.CommentMode;
import dev.broadsheet.media.MediaService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The change feed against a clock the test sets: an embargo holds the feed until it passes, then releases. */
class ChangeFeedEmbargoTest {

    private static final Instant PUBLISHED = Instant.parse("2026-11-28T12:00:00Z");

    private final ArticleService articles = mock(ArticleService.class);
    private final SettledSequence settled = mock(SettledSequence.class);
    private final Partner partner = new Partner("p1", "Regional", true, List.of(), 30, PUBLISHED, 1);

    @Test
    void anEmbargoedArticleHoldsTheCursorUntilItsEmbargoPassesThenArrivesWithoutAnotherWrite() {
        Article fresh = article("a1", ArticleStatus.PUBLISHED, PUBLISHED);
        Article older = article("a2", ArticleStatus.PUBLISHED, PUBLISHED.minus(Duration.ofHours(2)));
        when(settled.settled()).thenReturn(20L);
        when(articles.changed(anyLong(), anyLong(), anyInt())).thenAnswer(call -> {
            long after = call.getArgument(0);
            return List.of(new ArticleChange(fresh, 10), new ArticleChange(older, 11)).stream()
                    .filter(change -> change.seq() > after).toList();
        });

        ChangeFeed.Page during = feedAt(PUBLISHED.plus(Duration.ofMinutes(29))).page(partner, 0, 10);
        assertThat(during.changes()).isEmpty();
        assertThat(during.resumeAfter()).isZero();

        ChangeFeed.Page after = feedAt(PUBLISHED.plus(Duration.ofMinutes(30))).page(partner, during.resumeAfter(), 10);
        assertThat(after.changes()).extracting(SyndicationChange::articleId).containsExactly("a1", "a2");
        assertThat(after.changes()).extracting(SyndicationChange::type)
                .containsOnly(SyndicationChange.Type.UPSERT);
        assertThat(after.resumeAfter()).isEqualTo(11);
    }

    @Test
    void aDraftNeverOutIsSkippedAndAnUnpublishedOneIsWithdrawn() {
        Article neverOut = article("d1", ArticleStatus.DRAFT, null);
        Article pulled = article("d2", ArticleStatus.DRAFT, PUBLISHED.minus(Duration.ofDays(1)));
        when(settled.settled()).thenReturn(20L);
        when(articles.changed(anyLong(), anyLong(), anyInt()))
                .thenReturn(List.of(new ArticleChange(neverOut, 3), new ArticleChange(pulled, 4)));

        ChangeFeed.Page page = feedAt(PUBLISHED).page(partner, 0, 10);

        assertThat(page.changes()).extracting(SyndicationChange::articleId).containsExactly("d2");
        assertThat(page.changes().get(0).type()).isEqualTo(SyndicationChange.Type.WITHDRAWN);
        assertThat(page.resumeAfter()).isEqualTo(4);
    }

    private ChangeFeed feedAt(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        SyndicationProperties properties = new SyndicationProperties(null, Duration.ofSeconds(5),
                new SyndicationProperties.Webhooks(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(10),
                        Duration.ofHours(1), Duration.ofHours(24), Duration.ofSeconds(10)));
        SyndicatedArticles views = new SyndicatedArticles(mock(MediaService.class), properties, clock);
        return new ChangeFeed(articles, views, settled, clock);
    }

    private static Article article(String id, ArticleStatus status, Instant publishedAt) {
        return new Article(id, id, "Title " + id, null, "news", List.of(), List.of(), status, publishedAt, publishedAt, 2,
                null, List.of(), CommentMode.OPEN, false, 0);
    }
}
