package dev.broadsheet.security;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * Stateless bearer-token security. Every API request may pass: who may do what is decided per GraphQL
 * field and mutation ({@link Callers}), so anonymous readers and staff share one endpoint. The actuator
 * is the exception: health is public (without details), every other endpoint needs an ADMIN token
 * unless {@link ActuatorProperties} moves them to a private management port.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Filter-level observations cost a timer per filter per request; the HTTP request timer remains. */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Outside everything, the response cache included, so cached answers carry a request id too. */
    @Bean
    FilterRegistrationBean<RequestIds> requestIdsFilter() {
        FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, BearerTokens tokens,
            @Qualifier(CorsPolicy.BEAN) CorsConfigurationSource cors, ActuatorProperties actuator,
            Environment environment) throws Exception {
        boolean adminOnlyActuator = adminOnlyActuator(actuator, environment);
        return http
                .cors(c -> c.configurationSource(cors))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new RequestIds(), DisableEncodeUrlFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) ->
                                HttpErrors.unauthenticated(response, "Sign in with an ADMIN bearer token"))
                        .accessDeniedHandler((request, response, e) ->
                                HttpErrors.forbidden(response,
                                        "This needs the ADMIN role (metrics and Prometheus: ADMIN or METRICS)")))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll();
                    if (adminOnlyActuator) {
                        requests.requestMatchers(EndpointRequest.to("prometheus", "metrics"))
                                .hasAnyRole(Role.ADMIN.name(), Role.METRICS.name());
                        requests.requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(Role.ADMIN.name());
                    }
                    requests.anyRequest().permitAll();
                })
                .build();
    }

    static boolean adminOnlyActuator(ActuatorProperties actuator, Environment environment) {
        if (actuator.access() == ActuatorProperties.Access.ADMIN_TOKEN) {
            return true;
        }
        if (ManagementPortType.get(environment) != ManagementPortType.DIFFERENT) {
            throw new IllegalStateException("broadsheet.actuator.access=MANAGEMENT_PORT opens the actuator endpoints "
                    + "on the management port, so management.server.port must be set to a port other than server.port");
        }
        return false;
    }
}
