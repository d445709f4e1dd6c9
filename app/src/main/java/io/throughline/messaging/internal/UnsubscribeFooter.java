package io.throughline.messaging.internal;

import java.util.Locale;

/**
 * The footer every marketing email carries in its body: the unsubscribe link, added unless the template already
 * placed {@code {{unsubscribeUrl}}} where the brand wants it, and the link to the customer's preference centre,
 * added unless the template placed {@code {{preferencesUrl}}}.
 */
final class UnsubscribeFooter {

    private UnsubscribeFooter() {}

    static String html(String html, String unsubscribeUrl, String preferencesUrl) {
        StringBuilder links = new StringBuilder();
        if (!html.contains(unsubscribeUrl)) {
            links.append("<a href=\"").append(unsubscribeUrl).append("\">Unsubscribe</a>");
        }
        if (!html.contains(preferencesUrl)) {
            links.append(links.isEmpty() ? "" : " · ").append("<a href=\"").append(preferencesUrl)
                    .append("\">Manage your preferences</a>");
        }
        if (links.isEmpty()) {
            return html;
        }
        String footer = "<p style=\"font-size:12px;color:#666\">" + links + "</p>";
        int bodyEnd = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        return bodyEnd < 0 ? html + footer : html.substring(0, bodyEnd) + footer + html.substring(bodyEnd);
    }

    static String text(String text, String unsubscribeUrl, String preferencesUrl) {
        StringBuilder footer = new StringBuilder();
        if (!text.contains(unsubscribeUrl)) {
            footer.append("Unsubscribe: ").append(unsubscribeUrl).append('\n');
        }
        if (!text.contains(preferencesUrl)) {
            footer.append("Manage your preferences: ").append(preferencesUrl).append('\n');
        }
        return footer.isEmpty() ? text : text + "\n\n--\n" + footer;
    }
}
