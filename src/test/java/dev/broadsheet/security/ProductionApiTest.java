package dev.broadsheet.security;

import dev.broadsheet.ApiTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port as the {@code production} profile runs it, on an in-memory store, with an
 * identity provider whose JWTs it accepts ({@code src/test/resources/security/test-idp.pub}; the matching private
 * key, {@code test-idp.key}, signs tokens in tests and nowhere else). Every test using it shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ActiveProfiles("production")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "broadsheet.store.in-memory=true",
    "broadsheet.security.bootstrap-admin-token=" + ApiTest.ADMIN_TOKEN,
    "broadsheet.security.jwt-roles-claim=broadsheet_roles",
    "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:security/test-idp.pub"
})
public @interface ProductionApiTest {
}
