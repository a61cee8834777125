package dev.broadsheet.donation;

import dev.broadsheet.api.Connection;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The editors' side of donation blocks ({@code DonationBlockDefinition}); readers see appeals in article bodies. */
@Controller
class DonationController {

    private final DonationService donations;

    DonationController(DonationService donations) {
        this.donations = donations;
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

    @MutationMapping
    DonationBlock createDonationBlock(@Argument DonationBlockInput input) {
        return donations.create(input);
    }

    @MutationMapping
    DonationBlock updateDonationBlock(@Argument String id, @Argument long expectedVersion,
            @Argument DonationBlockInput input) {
        return donations.update(id, expectedVersion, input);
    }

    @MutationMapping
    DonationBlock archiveDonationBlock(@Argument String id, @Argument long expectedVersion) {
        return donations.archive(id, expectedVersion);
    }

    @MutationMapping
    DonationBlock reactivateDonationBlock(@Argument String id, @Argument long expectedVersion) {
        return donations.reactivate(id, expectedVersion);
    }
}
