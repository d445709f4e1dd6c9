package io.throughline.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A picture of a product, served elsewhere and linked by an absolute http or https URL. */
public record ProductImage(@NotBlank @Size(max = 2000) String url, @Nullable @Size(max = 300) String altText) {

    /** Why the text is not an absolute http(s) URL with a host, or null when it is one. */
    public static @Nullable String problemWithUrl(String url) {
        if (url.length() > 2000) {
            return "must be at most 2000 characters";
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "must be an http or https URL";
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return "must name a host";
            }
            return null;
        } catch (URISyntaxException malformed) {
            return "is not a valid URL";
        }
    }
}
