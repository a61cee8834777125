package dev.broadsheet.author;

import dev.broadsheet.api.Connection;
import dev.broadsheet.graphql.VersionedMutations;
import dev.broadsheet.author.AuthorInputs.AuthorInput;
import dev.broadsheet.author.AuthorInputs.SectionInput;
import dev.broadsheet.author.AuthorInputs.TagInput;
import graphql.schema.idl.RuntimeWiring;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
class AuthorController implements RuntimeWiringConfigurer {

    private final AuthorService authors;

    AuthorController(AuthorService authors, BatchLoaderRegistry loaders) {
        this.authors = authors;
        loaders.forTypePair(String.class, Author.class)
                .registerMappedBatchLoader((ids, env) -> Mono.fromSupplier(() -> authors.findAll(ids)));
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        VersionedMutations.of(wiring, Author.class)
                .editable(AuthorInput.class, "id", authors::createAuthor, authors::updateAuthor);
        VersionedMutations.of(wiring, Section.class)
                .editable(SectionInput.class, "slug", authors::createSection, authors::updateSection);
        VersionedMutations.of(wiring, Tag.class)
                .editable(TagInput.class, "slug", authors::createTag, authors::updateTag);
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
}
