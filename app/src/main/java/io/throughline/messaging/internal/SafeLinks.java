package io.throughline.messaging.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * Keeps links that a template built from customer data to the schemes a message may lead to: web, mail and phone
 * links. A trait is whatever a browser sent, so {@code <a href="{{website}}">} could otherwise carry
 * {@code javascript:} into an email or a card. An unsafe link becomes {@code #} in HTML and nothing in a link field.
 */
final class SafeLinks {

    private static final Set<String> SCHEMES = Set.of("http", "https", "mailto", "tel");
    private static final Pattern QUOTED = Pattern.compile(
            "(\\b(?:href|src|action|formaction|background|poster|xlink:href)\\s*=\\s*)([\"'])(.*?)\\2",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern UNQUOTED = Pattern.compile(
            "(\\b(?:href|src|action|formaction|background|poster|xlink:href)\\s*=\\s*)([^\\s\"'>]+)",
            Pattern.CASE_INSENSITIVE);

    private SafeLinks() {}

    static String html(String html) {
        Matcher quoted = QUOTED.matcher(html);
        StringBuilder out = new StringBuilder();
        while (quoted.find()) {
            String value = quoted.group(3);
            quoted.appendReplacement(out, Matcher.quoteReplacement(safe(value) ? quoted.group()
                    : quoted.group(1) + quoted.group(2) + "#" + quoted.group(2)));
        }
        quoted.appendTail(out);
        Matcher unquoted = UNQUOTED.matcher(out.toString());
        StringBuilder result = new StringBuilder();
        while (unquoted.find()) {
            unquoted.appendReplacement(result, Matcher.quoteReplacement(safe(unquoted.group(2)) ? unquoted.group()
                    : unquoted.group(1) + "#"));
        }
        unquoted.appendTail(result);
        return result.toString();
    }

    static String url(String url) {
        return safe(url) ? url : "";
    }

    /** A relative link, or one whose scheme (read as a browser would: entities decoded, blanks ignored) is allowed. */
    static boolean safe(String value) {
        String decoded = HtmlUtils.htmlUnescape(value).replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return true;
        }
        for (char relative : new char[] {'/', '?', '#'}) {
            int at = decoded.indexOf(relative);
            if (at >= 0 && at < colon) {
                return true;
            }
        }
        return SCHEMES.contains(decoded.substring(0, colon));
    }
}
