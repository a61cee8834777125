package dev.broadsheet.donation;

import dev.broadsheet.api.Connection;
import dev.broadsheet.graphql.VersionedMutations;
import graphql.schema.idl.RuntimeWiring;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

/** The editors' side of donation blocks ({@code DonationBlockDefinition}); readers see appeals in article bodies. */
@Controller
class DonationController implements RuntimeWiringConfigurer {

    private final DonationService donations;

    DonationController(DonationService donations) {
        this.donations = donations;
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        VersionedMutations.of(wiring, DonationBlock.class)
                .editable(DonationBlockInput.class, "id", donations::create, donations::update)
                .change("archiveDonationBlock", donations::archive)
                .change("reactivateDonationBlock", donations::reactivate);
    }

    @QueryMapping
    DonationBlock donationBlock(@Argument String id) {
        return donations.find(id).orElse(null);
    }

    @QueryMapping
    Connection<DonationBlock> donationBlocks(@Argument DonationBlock.Status status, @Argument Integer first,
            @Argument String after) {
        return donations.page(status, first, after);
    }
}
