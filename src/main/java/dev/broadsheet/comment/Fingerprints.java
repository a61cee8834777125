package dev.broadsheet.comment;

import dev.broadsheet.api.Hashes;

/** SHA-256 of text: compares texts and recognises clients without storing what they were. */
final class Fingerprints {

    private Fingerprints() {
    }

    static String of(String text) {
        return Hashes.sha256Hex(text);
    }

    /** A client address as stored: hashed, or null when unknown. */
    static String client(String address) {
        return address == null ? null : of("client:" + address);
    }
}
