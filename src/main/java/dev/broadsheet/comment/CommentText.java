package dev.broadsheet.comment;

import dev.broadsheet.api.ApiException;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Makes what a reader typed safe to store: NFC, no control, bidi-override or invisible characters, no
 * runaway combining marks, whitespace tidied, length counted in code points. Invalid Unicode (an
 * unpaired surrogate) is refused rather than repaired.
 */
final class CommentText {

    /** Combining marks kept after one base character; real scripts need far fewer, "zalgo" text more. */
    private static final int MAX_COMBINING_RUN = 4;

    private CommentText() {
    }

    /** Cleans multi-line text (a body or a reason): paragraphs and line breaks survive. */
    static String cleanMultiline(String field, String raw, int maxCodePoints, boolean required) {
        return clean(field, raw, maxCodePoints, required, true);
    }

    /** Cleans one line of text (a name): every run of whitespace becomes one space. */
    static String cleanLine(String field, String raw, int maxCodePoints, boolean required) {
        return clean(field, raw, maxCodePoints, required, false);
    }

    /** Lower-cased, compatibility-normalised, whitespace-collapsed: equal for texts a reader sees as equal. */
    static String folded(String cleaned) {
        return Normalizer.normalize(cleaned, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }

    private static String clean(String field, String raw, int maxCodePoints, boolean required, boolean multiline) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                throw ApiException.validation(field, field + " is required");
            }
            return null;
        }
        // Refuse absurd input before normalising it: even if every character were stripped, this is abuse.
        if (raw.length() > maxCodePoints * 4L + 64) {
            throw tooLong(field, maxCodePoints);
        }
        requireWellFormed(field, raw);
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(text.length());
        int combiningRun = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\r') {
                if (i < text.length() && text.charAt(i) == '\n') {
                    continue;
                }
                cp = '\n';
            }
            if (cp == '\u2028' || cp == '\u2029') {
                cp = '\n';
            }
            if (cp == '\t' || (cp == '\n' && !multiline) || Character.isSpaceChar(cp)) {
                cp = ' ';
            }
            if (cp != '\n' && isStripped(cp)) {
                continue;
            }
            int type = Character.getType(cp);
            boolean combining = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
            combiningRun = combining ? combiningRun + 1 : 0;
            if (combiningRun > MAX_COMBINING_RUN) {
                continue;
            }
            out.appendCodePoint(cp);
        }
        String cleaned = multiline ? tidyLines(out.toString()) : out.toString().replaceAll(" +", " ").trim();
        if (cleaned.isEmpty()) {
            if (required) {
                throw ApiException.validation(field, field + " has no visible text");
            }
            return null;
        }
        if (cleaned.codePointCount(0, cleaned.length()) > maxCodePoints) {
            throw tooLong(field, maxCodePoints);
        }
        return cleaned;
    }

    /** Control characters, bidi embeddings/overrides/isolates, invisible spacing, tags and noncharacters. */
    static boolean isStripped(int cp) {
        if (Character.getType(cp) == Character.CONTROL) {
            return true;
        }
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C) {
            return true;
        }
        // Zero-width space, word joiner and friends, BOM, Mongolian vowel separator, invisible operators.
        // ZWJ and ZWNJ (U+200D, U+200C) stay: emoji sequences and Persian spelling need them.
        if (cp == 0x200B || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF || cp == 0x180E || cp == 0x00AD) {
            return true;
        }
        if ((cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0xE0000 && cp <= 0xE007F)) {
            return true;
        }
        return (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF);
    }

    private static void requireWellFormed(String field, String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw ApiException.validation(field, field + " is not valid Unicode (an unpaired surrogate)");
            }
        }
    }

    /** Trailing spaces off every line, at most one blank line between paragraphs, no blank edges. */
    private static String tidyLines(String text) {
        String lines = text.replaceAll(" +\n", "\n").replaceAll("\n +\n", "\n\n").replaceAll("\n{3,}", "\n\n");
        return lines.strip();
    }

    private static ApiException tooLong(String field, int maxCodePoints) {
        return ApiException.validation(field, field + " must be at most " + maxCodePoints + " characters");
    }
}
