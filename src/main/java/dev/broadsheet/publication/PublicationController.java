package dev.broadsheet.publication;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code Query.publication}: the newsroom's name and links, from configuration. */
@Controller
class PublicationController {

    record Publication(String name, String commentPolicyUrl, String supportUrl) {
    }

    private final Publication publication;

    PublicationController(PublicationProperties properties) {
        this.publication = new Publication(properties.name(), orNull(properties.commentPolicyUrl()),
                orNull(properties.supportUrl()));
    }

    /** An empty setting (how a profile unsets one) is "not configured". */
    private static String orNull(String url) {
        return url == null || url.isBlank() ? null : url;
    }

    @QueryMapping
    Publication publication() {
        return publication;
    }
}
