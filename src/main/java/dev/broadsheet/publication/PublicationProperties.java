package dev.broadsheet.publication;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The newsroom as front ends name it, for the comment box and appeal links.
 *
 * @param commentPolicyUrl the comment moderation policy, linked under the comment form
 * @param supportUrl       where readers support the newsroom (membership, donations)
 */
@ConfigurationProperties("broadsheet.publication")
record PublicationProperties(
        @DefaultValue("Broadsheet") String name,
        String commentPolicyUrl,
        String supportUrl) {
}
