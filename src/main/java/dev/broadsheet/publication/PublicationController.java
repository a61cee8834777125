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
        this.publication = new Publication(properties.name(), properties.commentPolicyUrl(), properties.supportUrl());
    }

    @QueryMapping
    Publication publication() {
        return publication;
    }
}
