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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * With an identity provider configured, its JWTs authenticate editors; roles come from a claim. On the
 * {@link ProductionApiTest} application (shared with {@code IntrospectionPolicyTest}). Through Spring's
 * HttpGraphQlTester, except the refused tokens: a 401 before GraphQL runs, seen with {@link GraphQlHttp}.
 */
@ProductionApiTest
class JwtCallersTest {

    /** The identity provider's signing key (its public half is what the application trusts). */
    static final RSAPrivateKey KEY = privateKey("/security/test-idp.key");
    static final RSAPrivateKey OTHER_KEY = (RSAPrivateKey) rsaKeys().getPrivate();

    @LocalServerPort
    int port;

    @Test
    void aSignedJwtWithTheEditorRoleMayCreateArticles() throws Exception {
        create(tester(jwt(KEY, List.of("EDITOR"), Instant.now().plusSeconds(300)))).errors().verify()
                .path("createArticle.status").entity(String.class).isEqualTo("DRAFT");
    }

    @Test
    void aJwtWithoutABroadsheetRoleOrWithABadSignatureOrExpiredIsRefused() throws Exception {
        assertThat(refusal(jwt(KEY, List.of("viewer"), Instant.now().plusSeconds(300))).status()).isEqualTo(401);
        assertThat(refusal(jwt(OTHER_KEY, List.of("EDITOR"), Instant.now().plusSeconds(300))).status()).isEqualTo(401);
        assertThat(refusal(jwt(KEY, List.of("EDITOR"), Instant.now().minusSeconds(300))).status()).isEqualTo(401);
    }

    @Test
    void aPartnerJwtMayNotEdit() throws Exception {
        assertThat(firstError(create(tester(jwt(KEY, List.of("PARTNER"), Instant.now().plusSeconds(300))))))
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
        return GraphQlHttp.at(port).header("Authorization", "Bearer " + token).document("article/editing/create",
                Map.of("input", input()));
    }

    private static Map<String, Object> input() {
        return Map.of("slug", "jwt-" + System.nanoTime(), "title", "Via the admin UI", "section", "news");
    }

    private static String jwt(RSAPrivateKey key, List<String> roles, Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("ana@newsroom.example").claim("name", "Ana")
                .claim("broadsheet_roles", roles).expirationTime(Date.from(expires)).issueTime(new Date()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAPrivateKey privateKey(String resource) {
        try (InputStream in = JwtCallersTest.class.getResourceAsStream(resource)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----|\\s", "");
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
