package dev.broadsheet.security;

import static dev.broadsheet.Testers.firstError;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import dev.broadsheet.Testers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With an identity provider configured, its JWTs authenticate editors; roles come from a claim. Its own
 * application (the identity provider's key is a property). Through Spring's HttpGraphQlTester, except the
 * refused tokens: a 401 before GraphQL runs, seen with {@link GraphQlHttp}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "broadsheet.store.in-memory=true",
    "broadsheet.sample.enabled=false",
    "broadsheet.security.jwt-roles-claim=broadsheet_roles"
})
class JwtCallersTest {

    static final KeyPair KEYS = rsaKeys();
    static final KeyPair OTHER_KEYS = rsaKeys();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) throws IOException {
        Path pem = Files.createTempFile("idp", ".pub");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
    }

    @Test
    void aSignedJwtWithTheEditorRoleMayCreateArticles() throws Exception {
        create(tester(jwt(KEYS, List.of("EDITOR"), Instant.now().plusSeconds(300)))).errors().verify()
                .path("createArticle.status").entity(String.class).isEqualTo("DRAFT");
    }

    @Test
    void aJwtWithoutABroadsheetRoleOrWithABadSignatureOrExpiredIsRefused() throws Exception {
        assertThat(refusal(jwt(KEYS, List.of("viewer"), Instant.now().plusSeconds(300))).status()).isEqualTo(401);
        assertThat(refusal(jwt(OTHER_KEYS, List.of("EDITOR"), Instant.now().plusSeconds(300))).status()).isEqualTo(401);
        assertThat(refusal(jwt(KEYS, List.of("EDITOR"), Instant.now().minusSeconds(300))).status()).isEqualTo(401);
    }

    @Test
    void aPartnerJwtMayNotEdit() throws Exception {
        assertThat(firstError(create(tester(jwt(KEYS, List.of("PARTNER"), Instant.now().plusSeconds(300))))))
                .containsEntry("code", "FORBIDDEN");
    }

    private HttpGraphQlTester tester(String token) {
        return Testers.anonymous(port).mutate().header("Authorization", "Bearer " + token).build();
    }

    private static GraphQlTester.Response create(HttpGraphQlTester caller) {
        return caller.documentName("article/editing/create").variable("input", input()).execute();
    }

    /** A refused token is a 401 before GraphQL runs: plain HTTP, to see the status. */
    private Response refusal(String token) {
        return GraphQlHttp.at(port).header("Authorization", "Bearer " + token).query(
                "mutation($input: ArticleInput!) { createArticle(input: $input) { id status } }", Map.of("input", input()));
    }

    private static Map<String, Object> input() {
        return Map.of("slug", "jwt-" + System.nanoTime(), "title", "Via the admin UI", "section", "news");
    }

    private static String jwt(KeyPair keys, List<String> roles, Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("ana@newsroom.example").claim("name", "Ana")
                .claim("broadsheet_roles", roles).expirationTime(Date.from(expires)).issueTime(new Date()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
