package dev.broadsheet.article;

import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks preview tokens: {@code base64url(articleId:revision:expiresEpochSecond).base64url(HMAC-SHA256)}.
 * Revision 0 means the article's current state. Any token that does not verify is FORBIDDEN, with one
 * message whatever the reason, so a caller learns nothing by probing.
 */
final class PreviewTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a valid token grants: one article (optionally at one revision) until {@code expiresAt}. */
    record Grant(String articleId, long revision, Instant expiresAt) {
    }

    private final SecretKeySpec key;

    PreviewTokens(byte[] secret) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    String sign(Grant grant) {
        String payload = grant.articleId() + ":" + grant.revision() + ":" + grant.expiresAt().getEpochSecond();
        byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payloadBytes) + "." + ENCODER.encodeToString(mac(payloadBytes));
    }

    /** The grant of a token signed with this key and not expired at {@code now}; FORBIDDEN otherwise. */
    Grant verify(String token, Instant now) {
        Grant grant = parse(token);
        if (grant == null || !now.isBefore(grant.expiresAt())) {
            throw refused();
        }
        return grant;
    }

    static ApiException refused() {
        return new ApiException(ErrorCode.FORBIDDEN, "The preview token is invalid, expired or for another article");
    }

    private Grant parse(String token) {
        if (token == null || token.length() > 512) {
            return null;
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return null;
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac(payload), signature)) {
                return null;
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split(":");
            if (parts.length != 3) {
                return null;
            }
            return new Grant(parts[0], Long.parseLong(parts[1]), Instant.ofEpochSecond(Long.parseLong(parts[2])));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
