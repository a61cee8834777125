package dev.broadsheet.donation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

@Service
public class DonationService {

    private final DonationStore store;
    private final Clock clock;
    private final DonationReadCache reads;

    DonationService(DonationStore store, Clock clock, DonationReadCache reads) {
        this.reads = reads;
        this.store = store;
        this.clock = clock;
    }

    /** The appeals whose rules place them in an article of this section and these tags, right now. */
    public List<PlacedAppeal> placementsFor(String section, List<String> tags, Integer readerBucket) {
        Instant now = clock.instant();
        List<PlacedAppeal> placed = new ArrayList<>();
        for (DonationBlock block : reads.active()) {
            if (block.appliesTo(section, tags, now)) {
                DonationAppeal appeal = block.appealFor(readerBucket);
                block.placements().forEach(placement -> placed.add(new PlacedAppeal(placement, appeal)));
            }
        }
        return placed;
    }

    public void save(DonationBlock block) {
        store.save(block);
    }
}
