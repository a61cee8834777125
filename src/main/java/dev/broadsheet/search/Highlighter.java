package dev.broadsheet.search;

import java.util.List;
import java.util.Set;

/**
 * HTML-escaped text with {@code <mark>} around the words that matched (compared as analysed terms, so
 * "Striking" is marked for a search on "strike"), and a snippet: a window of the text around the first
 * match, cut at word boundaries.
 */
final class Highlighter {

    static final int SNIPPET_LENGTH = 200;

    private Highlighter() {
    }

    /** The whole text, escaped, hits marked. */
    static String mark(String text, Set<String> terms) {
        return text == null ? "" : mark(text, 0, text.length(), terms, TextAnalysis.tokens(text));
    }

    /** About {@link #SNIPPET_LENGTH} characters around the first hit (or the opening), escaped, hits marked. */
    static String snippet(String text, Set<String> terms) {
        if (text == null || text.isBlank()) {
            return "";
        }
        List<TextAnalysis.Token> tokens = TextAnalysis.tokens(text);
        int firstHit = tokens.stream().filter(t -> terms.contains(t.term())).mapToInt(TextAnalysis.Token::start)
                .findFirst().orElse(0);
        int start = Math.max(0, firstHit - SNIPPET_LENGTH / 4);
        if (start > 0) {
            int space = text.indexOf(' ', start);
            start = space < 0 || space >= firstHit ? start : space + 1;
        }
        int end = Math.min(text.length(), start + SNIPPET_LENGTH);
        if (end < text.length()) {
            int space = text.lastIndexOf(' ', end);
            end = space > firstHit ? space : end;
        }
        String body = mark(text, start, end, terms, tokens);
        return (start > 0 ? "…" : "") + body.strip() + (end < text.length() ? "…" : "");
    }

    private static String mark(String text, int start, int end, Set<String> terms, List<TextAnalysis.Token> tokens) {
        StringBuilder html = new StringBuilder();
        int at = start;
        for (TextAnalysis.Token token : tokens) {
            if (token.start() < start || token.end() > end || !terms.contains(token.term())) {
                continue;
            }
            escape(html, text, at, token.start());
            html.append("<mark>");
            escape(html, text, token.start(), token.end());
            html.append("</mark>");
            at = token.end();
        }
        escape(html, text, at, end);
        return html.toString().replaceAll("\\s+", " ");
    }

    private static void escape(StringBuilder html, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
    }
}
