package dev.broadsheet.comment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of text: compares texts and recognises clients without storing what they were. */
final class Fingerprints {

    private Fingerprints() {
    }

    static String of(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** A client address as stored: hashed, or null when unknown. */
    static String client(String address) {
        return address == null ? null : of("client:" + address);
    }
}
