package dev.broadsheet.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled load the sample content on the first start of a database (off in the {@code production} profile)
 */
@ConfigurationProperties("broadsheet.sample")
record SampleProperties(@DefaultValue("true") boolean enabled) {
}
