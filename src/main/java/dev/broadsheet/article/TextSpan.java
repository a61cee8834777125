package dev.broadsheet.article;

import java.util.List;

/**
 * A run of paragraph text with its inline formatting: emphasis or strong marks, and a link when
 * {@code href} is set.
 */
public record TextSpan(String text, List<Mark> marks, String href) {

    public enum Mark { EMPHASIS, STRONG }

    public static TextSpan plain(String text) {
        return new TextSpan(text, List.of(), null);
    }

    public static TextSpan emphasis(String text) {
        return new TextSpan(text, List.of(Mark.EMPHASIS), null);
    }

    public static TextSpan strong(String text) {
        return new TextSpan(text, List.of(Mark.STRONG), null);
    }

    public static TextSpan link(String text, String href) {
        return new TextSpan(text, List.of(), href);
    }
}
