package dev.broadsheet.article;

import dev.broadsheet.api.Connection;
import dev.broadsheet.graphql.VersionedMutations;
import graphql.schema.idl.RuntimeWiring;
import java.time.Instant;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

@Controller
class ArticleEditingController implements RuntimeWiringConfigurer {

    private final ArticleEditing editing;
    private final ArticleService articles;

    ArticleEditingController(ArticleEditing editing, ArticleService articles) {
        this.editing = editing;
        this.articles = articles;
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        VersionedMutations.of(wiring, Article.class)
                .editable(ArticleInput.class, "id", editing::create, editing::update)
                .change("publishArticle", editing::publish)
                .change("unpublishArticle", editing::unpublish)
                .change("archiveArticle", editing::archive);
    }

    @QueryMapping
    Connection<Article> editorialArticles(@Argument String query, @Argument ArticleStatus status,
            @Argument String section, @Argument String author, @Argument Integer first, @Argument String after) {
        return editing.desk(query, status, section, author, first, after);
    }

    record CorrectionInput(Correction.Kind kind, String text) {
    }

    @MutationMapping
    Article addCorrection(@Argument String articleId, @Argument long expectedVersion, @Argument CorrectionInput input) {
        return editing.addCorrection(articleId, expectedVersion, input.kind(), input.text());
    }

    @MutationMapping
    Article scheduleArticle(@Argument String id, @Argument long expectedVersion, @Argument Instant publishAt) {
        return editing.schedule(id, expectedVersion, publishAt);
    }

    @MutationMapping
    Article restoreArticleRevision(@Argument String id, @Argument long revision, @Argument long expectedVersion) {
        return editing.restore(id, revision, expectedVersion);
    }

    @MutationMapping
    Article setCommentMode(@Argument String articleId, @Argument long expectedVersion, @Argument CommentMode mode) {
        return articles.setCommentMode(articleId, expectedVersion, mode);
    }

    @SchemaMapping
    Connection<ArticleRevision> revisions(Article article, @Argument Integer first, @Argument String after) {
        return editing.revisions(article, first, after);
    }

    @SchemaMapping(typeName = "ArticleRevision")
    Author by(ArticleRevision revision) {
        return new Author(revision.byId(), revision.byName());
    }

    record Author(String id, String name) {
    }
}
