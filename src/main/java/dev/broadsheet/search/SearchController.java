package dev.broadsheet.search;

import dev.broadsheet.api.Connection;
import java.time.Instant;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class SearchController {

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @QueryMapping
    Connection<SearchResult> search(@Argument String query, @Argument String section, @Argument String tag,
            @Argument String author, @Argument Instant from, @Argument Instant to, @Argument Integer first,
            @Argument String after) {
        return search.search(query, section, tag, author, from, to, first, after);
    }
}
