package dev.broadsheet.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled load the sample content on a first start; unset means "only on the embedded default"
 */
@ConfigurationProperties("broadsheet.sample")
record SampleProperties(Boolean enabled) {
}
