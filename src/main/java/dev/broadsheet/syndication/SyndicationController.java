package dev.broadsheet.syndication;

import dev.broadsheet.api.Connection;
import dev.broadsheet.author.Author;
import dev.broadsheet.author.Byline;
import dev.broadsheet.graphql.VersionedMutations;
import graphql.schema.idl.RuntimeWiring;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.ClassNameTypeResolver;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.stereotype.Controller;

@Controller
class SyndicationController implements RuntimeWiringConfigurer {

    private final PartnerService partners;
    private final SyndicationService syndication;

    SyndicationController(PartnerService partners, SyndicationService syndication) {
        this.partners = partners;
        this.syndication = syndication;
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        VersionedMutations.of(wiring, Partner.class).editable(PartnerInput.class, "id", partners::create, partners::update);
    }

    /** The by-line as author entities (their pages, their other articles), batched per request. */
    @SchemaMapping(typeName = "SyndicatedArticle")
    CompletableFuture<List<Author>> authors(SyndicatedArticle article, DataLoader<String, Author> authors) {
        return Byline.load(authors, article.authorIds());
    }

    @QueryMapping
    List<Partner> partners() {
        return partners.list();
    }

    @QueryMapping
    SyndicatedArticle syndicatedArticle(@Argument String id, @Argument String slug, @Argument String partnerId) {
        return syndication.article(id, slug, partnerId).orElse(null);
    }

    @QueryMapping
    Connection<SyndicationChange> syndicationChanges(@Argument String after, @Argument Integer first,
            @Argument String partnerId) {
        ChangeFeed.Page page = syndication.changes(after, first, partnerId, "CHANGES");
        List<Connection.Edge<SyndicationChange>> edges = page.changes().stream()
                .map(change -> new Connection.Edge<>(ChangeFeed.encode(change.seq()), change)).toList();
        String start = edges.isEmpty() ? null : edges.get(0).cursor();
        return new Connection<>(edges, new Connection.PageInfo(page.hasNextPage(), after != null, start, page.cursor()));
    }

    @QueryMapping
    Connection<SyndicationLogEntry> syndicationLog(@Argument String partnerId, @Argument String articleId,
            @Argument Integer first, @Argument String after) {
        return syndication.log(partnerId, articleId, first, after);
    }

    /** Also turns on scheduling for the settled-sequence observer and the webhook rounds. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class BlockTypes {

        /** Syndicated body values are records named after their GraphQL types. */
        @Bean
        RuntimeWiringConfigurer syndicatedBlockTypeResolver() {
            return wiring -> wiring.type("SyndicatedBlock", type -> type.typeResolver(new ClassNameTypeResolver()));
        }
    }
}
