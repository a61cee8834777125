package dev.broadsheet.sample;

import static dev.broadsheet.article.TextSpan.emphasis;
import static dev.broadsheet.article.TextSpan.link;
import static dev.broadsheet.article.TextSpan.plain;
import static dev.broadsheet.article.TextSpan.strong;

import dev.broadsheet.article.Article;
import dev.broadsheet.article.ArticleService;
import dev.broadsheet.article.ArticleStatus;
import dev.broadsheet.article.Block;
import dev.broadsheet.article.Block.EmbeddedPostBlock;
import dev.broadsheet.article.Block.HeadingBlock;
import dev.broadsheet.article.Block.ImageBlock;
import dev.broadsheet.article.Block.ParagraphBlock;
import dev.broadsheet.article.Block.QuoteBlock;
import dev.broadsheet.article.Block.ReadMoreBlock;
import dev.broadsheet.article.CommentMode;
import dev.broadsheet.article.Correction;
import dev.broadsheet.author.Author;
import dev.broadsheet.article.TextSpan;
import dev.broadsheet.donation.DonationBlock;
import dev.broadsheet.donation.DonationBlock.CallToAction;
import dev.broadsheet.donation.DonationBlock.Placement;
import dev.broadsheet.donation.DonationService;
import dev.broadsheet.embed.EmbeddedPost;
import dev.broadsheet.media.Credit;
import dev.broadsheet.media.Crop;
import dev.broadsheet.media.ImageUsage;
import dev.broadsheet.media.MediaAsset;
import dev.broadsheet.media.MediaService;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The sample newsroom, "The Tidewater Courier": written for Broadsheet, loaded through the features'
 * services. One article uses every block type; see {@link SampleComments} for its thread.
 */
@Component
class SampleContent {

    static final String FEATURE_SLUG = "dock-workers-walk-out-over-pay-freeze";
    /** The feature's second quote is its 8th body block; the mid-body appeal follows it. */
    static final int SECOND_QUOTE_BLOCK = 8;

    private static final Instant DAY = Instant.parse("2026-11-20T07:30:00Z");
    /** The library story's slug before an editor shortened it (the old slug still redirects). */
    static final String LIBRARY_OLD_SLUG = "council-postpones-vote-on-closing-northfield-and-quayside-libraries";

    private static final Author DESK = SampleAuthors.PRIYA;
    private static final Author ARTS = SampleAuthors.TOM;

    private final MediaService media;
    private final DonationService donations;
    private final ArticleService articles;
    private final SampleComments comments;
    private final SampleAuthors authors;

    SampleContent(MediaService media, DonationService donations, ArticleService articles, SampleComments comments,
            SampleAuthors authors) {
        this.authors = authors;
        this.media = media;
        this.donations = donations;
        this.articles = articles;
        this.comments = comments;
    }

    void load() {
        loadMedia();
        authors.load();
        loadDonationBlocks();
        loadArticles();
        comments.load("sample-article-dock-strike");
    }

    private void loadMedia() {
        media.save(new MediaAsset("sample-asset-picket", "Picket line at the container gate",
                "https://media.tidewater.example/2026/11/picket-line.jpg", 4000, 2667,
                new Credit("Maren Holt", "https://commons.wikimedia.org/wiki/User:Example-Maren-Holt"),
                new Credit("Wikimedia Commons", "https://commons.wikimedia.org/"), null, "CC-BY-SA-4.0", 1));
        media.save(new MediaAsset("sample-asset-banner", "Union banner on Harbour Road",
                "https://media.tidewater.example/2026/11/union-banner.jpg", 2400, 1600,
                new Credit("Joe Mensah", "https://www.flickr.com/people/example-joe-mensah/"),
                new Credit("Flickr", "https://www.flickr.com/"), null, "CC-BY-4.0", 1));
        media.save(new MediaAsset("sample-asset-library", "Reading room, Northfield branch library",
                "https://media.tidewater.example/2026/11/northfield-library.jpg", 3000, 2000,
                new Credit("Ines Carvalho", null), new Credit("Wikimedia Commons", "https://commons.wikimedia.org/"),
                null, "CC0-1.0", 1));
        media.save(new MediaAsset("sample-asset-choir", "Harbour Choir in rehearsal",
                "https://media.tidewater.example/2026/11/harbour-choir.jpg", 1800, 1200,
                new Credit("Kasia Nowak", null), new Credit("Tidewater Photo Agency", "https://agency.example/"),
                "Kasia Nowak/Tidewater Photo Agency", "AGENCY", 1));
    }

    /**
     * The appeals of the newsroom's page: a one-line ad-free appeal right after the featured image,
     * again after the second quote of the feature, and at the end, followed by the longer co-op
     * membership appeal (lower priority, so it comes second at the end).
     */
    private void loadDonationBlocks() {
        CallToAction join = new CallToAction("Become a supporter", "https://tidewater.example/support");
        donations.save(new DonationBlock("sample-donation-short", "Ad-free line", "Back the Courier and read it without adverts",
                null, join,
                List.of(new DonationBlock.Variant("monthly", "Chip in monthly, read ad-free",
                                "Three pounds a month keeps a reporter at the council chamber.", null),
                        new DonationBlock.Variant("one-off", "Support one story",
                                "A one-off gift pays for an afternoon of court reporting.",
                                new CallToAction("Give once", "https://tidewater.example/support/once"))),
                List.of(Placement.atStart(), Placement.afterBlock(SECOND_QUOTE_BLOCK), Placement.atEnd()),
                List.of(), List.of(), null, null, DonationBlock.Status.ACTIVE, 1, DonationBlock.Kind.AD_FREE, 10));
        donations.save(new DonationBlock("sample-donation-long", "Co-op membership", "Own a share of your local paper",
                """
                The Courier belongs to the people who write it and the people who read it. There is no \
                proprietor to keep happy and no paywall between you and the council minutes.

                Members pay what they can each month, vote at our annual meeting and keep reporters in \
                the courts, the chamber and on the picket line. A few pounds goes further than you think.""",
                new CallToAction("Join the co-op", "https://tidewater.example/join"), List.of(),
                List.of(Placement.atEnd()), List.of("news"), List.of(), null, null, DonationBlock.Status.ACTIVE, 1,
                DonationBlock.Kind.MEMBERSHIP, 0));
    }

    private void loadArticles() {
        articles.save(corrected(article("sample-article-library", "council-delays-vote-on-branch-library-closures",
                "Council delays vote on closing two branch libraries",
                "Councillors pushed the decision to January after a petition passed eight thousand names.",
                "news", List.of("council", "libraries"), DESK, DAY.minusSeconds(86_400),
                new ImageUsage("sample-asset-library", null, "The reading room at Northfield.", "Empty wooden tables under tall windows"),
                List.of(paragraph(plain("The council's cabinet has postponed a vote on closing the Northfield and Quayside branch "
                                + "libraries until January, after a petition against the plan gathered more than eight thousand signatures.")),
                        paragraph(plain("Library users packed the public gallery on Monday evening. "),
                                emphasis("Several held up library cards"), plain(" as the finance lead spoke.")),
                        paragraph(plain("The council says it must save £1.2m from its culture budget next year."))),
                false)));
        articles.save(article("sample-article-dock-strike", FEATURE_SLUG,
                "Dock workers walk out as port operator freezes pay",
                "Loading stopped on three ships at Eastgate terminal, and the union says the strike will last until the operator returns to talks.",
                "news", List.of("labour", "port", "strikes"), DESK, DAY,
                new ImageUsage("sample-asset-picket", new Crop(0, 287, 4000, 2094, 770, 403),
                        "Workers at the Eastgate gate on Tuesday morning.", "People holding placards in front of a container gate"),
                featureBody(), false));
        articles.save(article("sample-article-choir", "review-harbour-choir-winter-concert",
                "Review: the Harbour Choir finds its voice in a draughty church hall",
                "Forty singers, one piano and a programme that runs from sea shanties to Fauré.",
                "culture", List.of("music", "review"), ARTS, DAY.plusSeconds(3_600),
                new ImageUsage("sample-asset-choir", new Crop(0, 0, 1800, 1200), "The choir at its final rehearsal.", "A choir singing in a church hall"),
                List.of(paragraph(plain("It was cold enough in St Anne's hall on Saturday to see breath between verses, "
                                + "and nobody seemed to mind.")),
                        paragraph(plain("The Harbour Choir's winter concert opened with a shanty sung by the basses alone, "),
                                strong("and the room went quiet"), plain(".")),
                        new QuoteBlock("We rehearse in a room with no heating, so we sing to keep warm.", "Alma Reyes",
                                "Harbour Choir director, speaking after the concert", null)),
                true));
        Article draft = article("sample-article-bus-cuts", "leaked-budget-shows-deeper-bus-cuts",
                "Leaked budget shows deeper cuts to bus routes", "A draft the newsroom is still checking.",
                "news", List.of("transport", "council"), DESK, null, null,
                List.of(paragraph(plain("This draft is not published: anonymous readers must never see it."))), false);
        articles.save(draft);
    }

    private List<Block> featureBody() {
        return List.of(
                paragraph(plain("More than four hundred dock workers walked off the job at "),
                        link("Eastgate container terminal", "https://tidewater.example/tag/port"),
                        plain(" on Tuesday morning, after the port's operator told staff that wages would stay frozen for a second year.")),
                paragraph(plain("Loading stopped on three ships within an hour. By lunchtime a line of lorries stretched back "
                        + "along the bypass, and the operator had asked the harbour master to hold incoming vessels at anchor.")),
                paragraph(plain("The operator says the freeze is "), emphasis("temporary"),
                        plain(" and blames falling freight volumes. The union points to a dividend paid to shareholders in the spring.")),
                new HeadingBlock(2, "Why the talks broke down"),
                paragraph(plain("Negotiators met four times in October. According to minutes seen by the Courier, the operator "
                        + "offered a one-off payment instead of a rise, and withdrew it when the union asked for it in writing.")),
                new QuoteBlock("We were told there is no money, in the same week the owners paid themselves more than ever. "
                        + "Nobody on this gate believes that any more.",
                        "Dalia Okoro", "Branch secretary, Harbour Workers' Union, speaking at the gate rally", null),
                paragraph(plain("In a statement, the operator said it remained "), emphasis("open to constructive dialogue"),
                        plain(" and that contingency staff would keep essential cargo moving.")),
                new QuoteBlock("Any settlement has to be affordable for a business that must compete with larger ports.",
                        "Gareth Lyle", "Chief executive, Eastgate Port Services, in a written statement",
                        "https://tidewater.example/documents/eastgate-statement"),
                new ReadMoreBlock("Read on: council delays vote on closing two branch libraries",
                        "sample-article-library", null),
                new EmbeddedPostBlock(new EmbeddedPost(EmbeddedPost.Provider.MASTODON,
                        "https://social.example/@harbourworkers/113000000000000001", "Harbour Workers' Union",
                        "@harbourworkers@social.example", "https://social.example/@harbourworkers",
                        "Day one at Eastgate. 400+ out, every gate picketed, tea urn running. Thank you to everyone who brought food.",
                        DAY.plusSeconds(5_400), DAY.plusSeconds(6_000), EmbeddedPost.SourceStatus.LIVE)),
                new HeadingBlock(2, "Support from the town"),
                paragraph(plain("By the afternoon, traders on Harbour Road had put collection tins on their counters, and "
                        + "a bakery sent two trays of rolls to the picket line.")),
                new EmbeddedPostBlock(new EmbeddedPost(EmbeddedPost.Provider.X,
                        "https://x.com/example_trader/status/1850000000000000002", "Harbour Road Traders",
                        "@example_trader", "https://x.com/example_trader",
                        "Tins are out in 14 shops on Harbour Road. These are our customers and our neighbours.",
                        DAY.plusSeconds(9_000), DAY.plusSeconds(9_600), EmbeddedPost.SourceStatus.DELETED)),
                new ImageBlock(new ImageUsage("sample-asset-banner", null,
                        "The union's banner, first made for the 1989 dispute, back on Harbour Road.",
                        "A faded red union banner held across a street")),
                paragraph(plain("The union has called a mass meeting for Friday. A second ballot, on extending the action "
                        + "to the ferry terminal, closes next week.")),
                paragraph(plain("The operator has not said whether it will return to talks.")),
                new ReadMoreBlock("Background: the operator's annual report (PDF)", null,
                        "https://tidewater.example/documents/eastgate-annual-report.pdf"));
    }

    private static ParagraphBlock paragraph(TextSpan... spans) {
        return new ParagraphBlock(List.of(spans));
    }

    private static Article article(String id, String slug, String title, String standfirst, String section,
            List<String> tags, Author author, Instant publishedAt, ImageUsage image, List<Block> body,
            boolean suppressDonations) {
        ArticleStatus status = publishedAt == null ? ArticleStatus.DRAFT : ArticleStatus.PUBLISHED;
        return new Article(id, slug, title, standfirst, section, tags, List.of(SampleAuthors.byline(author)), status,
                publishedAt, publishedAt == null ? DAY : publishedAt, 1, image, body, CommentMode.OPEN,
                suppressDonations, 0, List.of(author.id()), List.of(), List.of(), null);
    }

    /** The library story as it stands: its slug shortened after publication, and a correction note. */
    private static Article corrected(Article article) {
        Correction correction = new Correction(Correction.Kind.CORRECTION,
                "An earlier version of this article said the petition had six thousand signatures. It had more than eight thousand.",
                DAY.minusSeconds(43_200));
        return new Article(article.id(), article.slug(), article.title(), article.standfirst(), article.section(),
                article.tags(), article.authors(), article.status(), article.publishedAt(), correction.at(),
                article.version(), article.featuredImage(), article.body(), article.commentMode(),
                article.suppressDonations(), article.commentCount(), article.authorIds(), List.of(LIBRARY_OLD_SLUG),
                List.of(correction), null);
    }
}
