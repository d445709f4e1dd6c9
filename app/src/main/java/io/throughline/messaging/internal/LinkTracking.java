package io.throughline.messaging.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * Rewrites the web links of a rendered HTML email to tracked links and adds an open pixel. The original URLs
 * are kept with the delivery, by position, so that a click can only ever lead to a URL the message held.
 */
final class LinkTracking {

    /** The tracked HTML and the original URLs, the i-th tracked link leading to the i-th URL. */
    record Tracked(String html, List<String> urls) {}

    private static final Pattern HREF = Pattern.compile(
            "(<a\\b[^>]*?\\bhref\\s*=\\s*)([\"'])(https?://[^\"']+)\\2", Pattern.CASE_INSENSITIVE);

    private LinkTracking() {}

    /**
     * @param clickUrl   the tracked URL of the link at a position
     * @param untracked  the prefix of the platform's own links (unsubscribe), left as they are
     */
    static Tracked track(String html, IntFunction<String> clickUrl, String pixelUrl, String untracked) {
        List<String> urls = new ArrayList<>();
        Matcher links = HREF.matcher(html);
        StringBuilder tracked = new StringBuilder();
        while (links.find()) {
            String url = HtmlUtils.htmlUnescape(links.group(3));
            if (url.startsWith(untracked)) {
                links.appendReplacement(tracked, Matcher.quoteReplacement(links.group()));
                continue;
            }
            int position = urls.indexOf(url);
            if (position < 0) {
                urls.add(url);
                position = urls.size() - 1;
            }
            links.appendReplacement(tracked, Matcher.quoteReplacement(
                    links.group(1) + links.group(2) + clickUrl.apply(position) + links.group(2)));
        }
        links.appendTail(tracked);
        String pixel = "<img src=\"" + pixelUrl + "\" width=\"1\" height=\"1\" alt=\"\">";
        int bodyEnd = tracked.toString().toLowerCase(java.util.Locale.ROOT).lastIndexOf("</body>");
        if (bodyEnd >= 0) {
            tracked.insert(bodyEnd, pixel);
        } else {
            tracked.append(pixel);
        }
        return new Tracked(tracked.toString(), List.copyOf(urls));
    }
}
