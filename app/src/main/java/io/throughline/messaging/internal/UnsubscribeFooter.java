package io.throughline.messaging.internal;

import java.util.Locale;

/**
 * The unsubscribe link every marketing email carries in its body, added at the end unless the template
 * already placed {@code {{unsubscribeUrl}}} where the brand wants it.
 */
final class UnsubscribeFooter {

    private UnsubscribeFooter() {}

    static String html(String html, String unsubscribeUrl) {
        if (html.contains(unsubscribeUrl)) {
            return html;
        }
        String footer = "<p style=\"font-size:12px;color:#666\"><a href=\"" + unsubscribeUrl
                + "\">Unsubscribe</a></p>";
        int bodyEnd = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        return bodyEnd < 0 ? html + footer : html.substring(0, bodyEnd) + footer + html.substring(bodyEnd);
    }

    static String text(String text, String unsubscribeUrl) {
        return text.contains(unsubscribeUrl) ? text : text + "\n\n--\nUnsubscribe: " + unsubscribeUrl + "\n";
    }
}
