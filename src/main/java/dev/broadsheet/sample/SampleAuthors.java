package dev.broadsheet.sample;

import dev.broadsheet.article.Article;
import dev.broadsheet.author.Author;
import dev.broadsheet.author.AuthorService;
import dev.broadsheet.author.Section;
import dev.broadsheet.author.Tag;
import dev.broadsheet.media.Credit;
import dev.broadsheet.media.ImageUsage;
import dev.broadsheet.media.MediaAsset;
import dev.broadsheet.media.MediaService;
import java.util.List;
import org.springframework.stereotype.Component;

/** The sample newsroom's two writers (with bios and portraits), its sections and its tags. */
@Component
class SampleAuthors {

    static final Author PRIYA = new Author("sample-author-priya", "priya-nandakumar", "Priya Nandakumar",
            "Priya covers work, the port and the council for the Courier. Before that she spent six years on "
                    + "the night desk of a regional daily. Tips welcome, in confidence.",
            "Labour and local government reporter",
            new ImageUsage("sample-asset-portrait-priya", null, null, "Priya Nandakumar, smiling, on the harbour wall"),
            List.of(new Author.Link("Mastodon", "https://social.example/@priya"),
                    new Author.Link("Email", "https://tidewater.example/contact/priya")),
            "https://tidewater.example/people/priya", 1);
    static final Author TOM = new Author("sample-author-tom", "tom-ashworth", "Tom Ashworth",
            "Tom reviews music, theatre and anything else with an audience. He has sung bass in three choirs "
                    + "and been asked to leave one.",
            "Arts critic",
            new ImageUsage("sample-asset-portrait-tom", null, null, "Tom Ashworth in a theatre foyer"),
            List.of(new Author.Link("Website", "https://tomashworth.example/")),
            "https://tidewater.example/people/tom", 1);

    private final AuthorService authors;
    private final MediaService media;

    SampleAuthors(AuthorService authors, MediaService media) {
        this.authors = authors;
        this.media = media;
    }

    void load() {
        media.save(portrait(PRIYA, "priya.jpg"));
        media.save(portrait(TOM, "tom.jpg"));
        authors.save(PRIYA);
        authors.save(TOM);
        authors.save(new Section("news", "News", "What happened in Tidewater today.", null, 1));
        authors.save(new Section("culture", "Culture", "Music, stage, books and the people who make them.", null, 1));
        authors.save(new Section("reviews", "Reviews", "Our critics on what is on.", "culture", 1));
        for (String[] tag : new String[][] {{"council", "Council"}, {"libraries", "Libraries"},
                {"labour", "Labour"}, {"port", "The port"}, {"strikes", "Strikes"}, {"music", "Music"},
                {"review", "Review"}, {"transport", "Transport"}}) {
            authors.save(new Tag(tag[0], tag[1], 1));
        }
    }

    /** A writer's portrait by the Courier's photographer, under the id the writer's avatar names. */
    private static MediaAsset portrait(Author author, String file) {
        return new MediaAsset(author.avatar().assetId(), author.name(), "https://media.tidewater.example/people/" + file,
                800, 800, new Credit("Sam Okafor", null),
                new Credit("The Tidewater Courier", "https://tidewater.example/"), null, "CC-BY-4.0", 1);
    }

    /** The printed by-line of an author. */
    static Article.Author byline(Author author) {
        return new Article.Author(author.name(), author.url());
    }
}
