package dev.broadsheet.article;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class PreviewLinkController {

    private final PreviewLinks links;

    PreviewLinkController(PreviewLinks links) {
        this.links = links;
    }

    @MutationMapping
    PreviewLinks.PreviewLink createPreviewLink(@Argument String articleId, @Argument Integer expiresInMinutes,
            @Argument Long revision) {
        return links.create(articleId, expiresInMinutes, revision);
    }
}
