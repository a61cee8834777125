package dev.broadsheet.sample;

import dev.broadsheet.store.StartupMarkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Loads the sample newsroom on the first start of a database, and never again. */
@Component
class SampleContentLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SampleContentLoader.class);

    private final SampleProperties properties;
    private final StartupMarkers markers;
    private final SampleContent content;

    SampleContentLoader(SampleProperties properties, StartupMarkers markers, SampleContent content) {
        this.properties = properties;
        this.markers = markers;
        this.content = content;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.enabled() && markers.claim("sample-content")) {
            content.load();
            log.info("Loaded the sample content: try article(slug: \"{}\")", SampleContent.FEATURE_SLUG);
        }
    }
}
