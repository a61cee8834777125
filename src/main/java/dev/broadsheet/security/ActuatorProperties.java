package dev.broadsheet.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read the actuator endpoints other than health (metrics, Prometheus, info, ...). Health and its
 * liveness and readiness groups are always public, without details.
 *
 * @param access {@code ADMIN_TOKEN}: an ADMIN bearer token on whichever port serves them;
 *               {@code MANAGEMENT_PORT}: open, but only on a separate {@code management.server.port}
 *               that the network keeps private (start-up fails if there is none)
 */
@ConfigurationProperties("broadsheet.actuator")
record ActuatorProperties(@DefaultValue("ADMIN_TOKEN") Access access) {

    enum Access { ADMIN_TOKEN, MANAGEMENT_PORT }
}
