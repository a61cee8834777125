package dev.broadsheet.author;

import static dev.broadsheet.api.Inputs.maxSize;
import static dev.broadsheet.api.Inputs.optionalHttpUrl;
import static dev.broadsheet.api.Inputs.optionalText;
import static dev.broadsheet.api.Inputs.requireHttpUrl;
import static dev.broadsheet.api.Inputs.requireText;

import dev.broadsheet.api.ApiException;
import dev.broadsheet.media.ImageUsage;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What editors send for authors, sections and tags, checked into records (VALIDATION errors name the field). */
final class AuthorInputs {

    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    record AuthorInput(String slug, String name, String bio, String jobTitle, ImageInput avatar,
            List<LinkInput> links, String url) {
    }

    record ImageInput(String assetId, String caption, String alt) {
    }

    record LinkInput(String label, String url) {
    }

    record SectionInput(String slug, String name, String description, String parent) {
    }

    record TagInput(String slug, String name) {
    }

    private AuthorInputs() {
    }

    static Author author(String id, long version, AuthorInput input) {
        required(input);
        List<Author.Link> links = new ArrayList<>();
        if (input.links() != null) {
            maxSize("input.links", input.links(), 20);
            for (int i = 0; i < input.links().size(); i++) {
                LinkInput link = input.links().get(i);
                links.add(new Author.Link(requireText("input.links[" + i + "].label", link.label(), 100).strip(),
                        requireHttpUrl("input.links[" + i + "].url", link.url())));
            }
        }
        ImageUsage avatar = null;
        if (input.avatar() != null) {
            avatar = new ImageUsage(requireText("input.avatar.assetId", input.avatar().assetId(), 100), null,
                    blank(optionalText("input.avatar.caption", input.avatar().caption(), 500)),
                    blank(optionalText("input.avatar.alt", input.avatar().alt(), 300)));
        }
        return new Author(id, slug(input.slug()), requireText("input.name", input.name(), 200).strip(),
                blank(optionalText("input.bio", input.bio(), 5000)), blank(optionalText("input.jobTitle", input.jobTitle(), 200)),
                avatar, List.copyOf(links), optionalHttpUrl("input.url", input.url()), version);
    }

    static Section section(long version, SectionInput input) {
        required(input);
        String parent = input.parent() == null ? null : slug("input.parent", input.parent());
        String slug = slug(input.slug());
        if (slug.equals(parent)) {
            throw ApiException.validation("input.parent", "a section cannot be its own parent");
        }
        return new Section(slug, requireText("input.name", input.name(), 200).strip(),
                blank(optionalText("input.description", input.description(), 2000)), parent, version);
    }

    static Tag tag(long version, TagInput input) {
        required(input);
        return new Tag(slug(input.slug()), requireText("input.name", input.name(), 200).strip(), version);
    }

    /** A slug made from a name: accents dropped, lower case, runs of anything else as one hyphen. */
    static String slugOf(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
        return slug.isEmpty() ? "author" : slug.length() > 100 ? slug.substring(0, 100).replaceAll("-+$", "") : slug;
    }

    private static String slug(String slug) {
        return slug("input.slug", slug);
    }

    private static String slug(String field, String slug) {
        requireText(field, slug, 100);
        if (!SLUG.matcher(slug).matches()) {
            throw ApiException.validation(field, "a slug is lower-case letters and digits separated by single hyphens");
        }
        return slug;
    }

    private static void required(Object input) {
        if (input == null) {
            throw ApiException.validation("input", "input is required");
        }
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
