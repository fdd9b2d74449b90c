package com.breachnotice.core.sending;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Our own rendering of an SES (Handlebars) template part with the same replacement data that the
 * bulk call carries, so the exact message of each email can be hashed for the proof of notice
 * without SES returning it. It knows what notice templates may use: {@code {{name}}},
 * {@code {{{name}}}}, {@code {{#if x}}…{{else}}…{{/if}}}, {@code {{#each list}}…{{this}}…{{/each}}};
 * values are inserted unescaped (SES does not HTML-escape, which is why the data carries
 * {@code nameHtml}); a block tag alone on its line takes its line with it, as Handlebars does.
 * Anything else is refused rather than rendered differently from SES.
 */
final class TemplateRendering {

    private TemplateRendering() {}

    static String render(String template, Map<String, Object> data) {
        List<Token> tokens = tokens(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        int end = render(tokens, 0, data, null, out, "");
        if (end != tokens.size()) {
            throw new IllegalArgumentException("unbalanced block in template");
        }
        return out.toString();
    }

    private record Token(String kind, String name, String text) {}

    private static final Pattern STANDALONE_BLOCK =
            Pattern.compile("(?m)^[ \\t]*(\\{\\{(?:#[^{}]*|/[^{}]*|else)\\}\\})[ \\t]*(?:\\r?\\n|\\z)");

    private static List<Token> tokens(String template) {
        // A block tag alone on its line takes the line with it, as Handlebars does.
        String source = STANDALONE_BLOCK.matcher(template).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        List<Token> tokens = new ArrayList<>();
        int at = 0;
        while (at < source.length()) {
            int open = source.indexOf("{{", at);
            if (open < 0) {
                tokens.add(new Token("text", "", source.substring(at)));
                break;
            }
            if (open > at) {
                tokens.add(new Token("text", "", source.substring(at, open)));
            }
            boolean triple = source.startsWith("{{{", open);
            int close = source.indexOf(triple ? "}}}" : "}}", open);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed tag in template");
            }
            tokens.add(token(source.substring(open + (triple ? 3 : 2), close).strip(), triple));
            at = close + (triple ? 3 : 2);
        }
        return tokens;
    }

    private static Token token(String tag, boolean triple) {
        if (triple) {
            return new Token("value", tag, "");
        }
        if (tag.startsWith("#if ")) {
            return new Token("if", tag.substring(4).strip(), "");
        }
        if (tag.startsWith("#each ")) {
            return new Token("each", tag.substring(6).strip(), "");
        }
        if (tag.equals("/if") || tag.equals("/each") || tag.equals("else")) {
            return new Token(tag, "", "");
        }
        if (tag.startsWith("#") || tag.startsWith("/") || tag.startsWith(">") || tag.startsWith("!")) {
            throw new IllegalArgumentException("template uses an unsupported tag: " + tag);
        }
        return new Token("value", tag, "");
    }

    /** Renders from {@code at} until a closing or else tag; returns its index. */
    private static int render(
            List<Token> tokens,
            int at,
            Map<String, Object> data,
            @Nullable Object self,
            @Nullable StringBuilder out,
            String closer) {
        int i = at;
        while (i < tokens.size()) {
            Token token = tokens.get(i);
            switch (token.kind()) {
                case "text" -> {
                    if (out != null) {
                        out.append(token.text());
                    }
                    i++;
                }
                case "value" -> {
                    if (out != null) {
                        Object value = token.name().equals("this") ? self : data.get(token.name());
                        out.append(value == null ? "" : value.toString());
                    }
                    i++;
                }
                case "if" -> {
                    boolean truthy = truthy(data.get(token.name()));
                    int elseOrEnd = render(tokens, i + 1, data, self, truthy ? out : null, "/if");
                    if (tokens.get(elseOrEnd).kind().equals("else")) {
                        elseOrEnd = render(tokens, elseOrEnd + 1, data, self, truthy ? null : out, "/if");
                    }
                    i = elseOrEnd + 1;
                }
                case "each" -> {
                    Object list = data.get(token.name());
                    int end = render(tokens, i + 1, data, self, null, "/each");
                    if (out != null && list instanceof Collection<?> items) {
                        for (Object item : items) {
                            render(tokens, i + 1, data, item, out, "/each");
                        }
                    }
                    i = end + 1;
                }
                case "else", "/if", "/each" -> {
                    if (closer.isEmpty()
                            || (token.kind().equals("else") && !closer.equals("/if"))
                            || (!token.kind().equals("else") && !token.kind().equals(closer))) {
                        throw new IllegalArgumentException("unbalanced block in template");
                    }
                    return i;
                }
                default -> throw new IllegalStateException(token.kind());
            }
        }
        if (!closer.isEmpty()) {
            throw new IllegalArgumentException("unclosed block in template");
        }
        return i;
    }

    private static boolean truthy(@Nullable Object value) {
        return switch (value) {
            case null -> false;
            case Boolean b -> b;
            case String s -> !s.isEmpty();
            case Collection<?> c -> !c.isEmpty();
            default -> true;
        };
    }
}
