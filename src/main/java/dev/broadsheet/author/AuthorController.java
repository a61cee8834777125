package dev.broadsheet.author;

import dev.broadsheet.api.Connection;
import dev.broadsheet.author.AuthorInputs.AuthorInput;
import dev.broadsheet.author.AuthorInputs.SectionInput;
import dev.broadsheet.author.AuthorInputs.TagInput;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
class AuthorController {

    private final AuthorService authors;

    AuthorController(AuthorService authors, BatchLoaderRegistry loaders) {
        this.authors = authors;
        loaders.forTypePair(String.class, Author.class)
                .registerMappedBatchLoader((ids, env) -> Mono.fromSupplier(() -> authors.findAll(ids)));
    }

    @QueryMapping
    Author author(@Argument String slug) {
        return authors.findBySlug(slug).orElse(null);
    }

    @QueryMapping
    Connection<Author> authors(@Argument Integer first, @Argument String after) {
        return authors.authors(first, after);
    }

    @QueryMapping
    Section section(@Argument String slug) {
        return authors.section(slug).orElse(null);
    }

    @QueryMapping
    List<Section> sections() {
        return authors.sections();
    }

    @QueryMapping
    Tag tag(@Argument String slug) {
        return authors.tag(slug).orElse(null);
    }

    @SchemaMapping(typeName = "Section")
    Section parent(Section section) {
        return section.parentSlug() == null ? null : authors.section(section.parentSlug()).orElse(null);
    }

    @MutationMapping
    Author createAuthor(@Argument AuthorInput input) {
        return authors.createAuthor(input);
    }

    @MutationMapping
    Author updateAuthor(@Argument String id, @Argument long expectedVersion, @Argument AuthorInput input) {
        return authors.updateAuthor(id, expectedVersion, input);
    }

    @MutationMapping
    Section createSection(@Argument SectionInput input) {
        return authors.createSection(input);
    }

    @MutationMapping
    Section updateSection(@Argument String slug, @Argument long expectedVersion, @Argument SectionInput input) {
        return authors.updateSection(slug, expectedVersion, input);
    }

    @MutationMapping
    Tag createTag(@Argument TagInput input) {
        return authors.createTag(input);
    }

    @MutationMapping
    Tag updateTag(@Argument String slug, @Argument long expectedVersion, @Argument TagInput input) {
        return authors.updateTag(slug, expectedVersion, input);
    }
}
