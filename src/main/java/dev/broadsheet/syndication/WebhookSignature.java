package dev.broadsheet.syndication;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code Broadsheet-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}, with the
 * timestamp (Unix seconds) in {@code Broadsheet-Timestamp}: a receiver recomputes it, compares in
 * constant time, and refuses old timestamps to stop replays.
 */
final class WebhookSignature {

    static final String SIGNATURE_HEADER = "Broadsheet-Signature";
    static final String TIMESTAMP_HEADER = "Broadsheet-Timestamp";

    private WebhookSignature() {
    }

    static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean verify(String secret, long timestamp, String body, String signature) {
        return signature != null && MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
