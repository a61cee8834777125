package dev.broadsheet.embed;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class EmbedController {

    private final EmbedService embeds;

    EmbedController(EmbedService embeds) {
        this.embeds = embeds;
    }

    @QueryMapping
    Embed embeddedPost(@Argument String id) {
        return embeds.find(id).orElse(null);
    }

    @MutationMapping
    Embed createEmbeddedPost(@Argument String url, @Argument EmbeddedPostInput snapshot, @Argument Boolean fetch) {
        return embeds.create(url, snapshot, fetch);
    }

    @MutationMapping
    Embed refreshEmbeddedPost(@Argument String id, @Argument Long expectedVersion) {
        return embeds.refresh(id, expectedVersion);
    }
}
