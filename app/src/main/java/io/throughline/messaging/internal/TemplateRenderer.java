package io.throughline.messaging.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.throughline.messaging.Variant;
import io.throughline.platform.InvalidRequestException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders message templates in Mustache, logic-less and sandboxed: variables are looked up in maps and lists
 * only, never by calling methods on objects, there are no partials to load, and a missing variable renders
 * as its fallback or as nothing, never as "null" or an error. HTML fields escape what they insert; text
 * fields insert it as it is.
 */
final class TemplateRenderer {

    /** What {@code givenName} renders as when neither the customer nor the message says otherwise. */
    static final Map<String, String> DEFAULT_FALLBACKS = Map.of("givenName", "there");

    /** Only maps, lists and arrays are looked into: no reflection on whatever a caller's data holds. */
    private static final Mustache.Collector MAPS_AND_LISTS = new BasicCollector() {
        @Override
        public <K, V> Map<K, V> createFetcherCache() {
            return new ConcurrentHashMap<>();
        }
    };

    private static final Mustache.TemplateLoader NO_PARTIALS = name -> {
        throw new MustacheException("partials are not supported: " + name);
    };

    private static final Mustache.Compiler HTML = Mustache.compiler().escapeHTML(true).defaultValue("")
            .withCollector(MAPS_AND_LISTS).withLoader(NO_PARTIALS);
    private static final Mustache.Compiler TEXT = HTML.escapeHTML(false);

    /**
     * Compiled templates by their text: a message is sent far more often than it is edited, and a compiled
     * template is immutable and safe to share between threads. An edit changes the text, so it is a new key.
     */
    private static final Cache<Source, Template> COMPILED = Caffeine.newBuilder().maximumSize(2_000).build();

    private record Source(String template, boolean html) {}

    private TemplateRenderer() {}

    /**
     * Checks that every template of the variants compiles and renders, naming the first field that does not. Some
     * templates compile and fail only when run (a partial, {@code {{> footer}}}, is looked up then): rendering once
     * against no values at all catches them when the message is saved, not at every send.
     */
    static void validate(List<Variant> variants) {
        for (int i = 0; i < variants.size(); i++) {
            for (var field : variants.get(i).templates().entrySet()) {
                Template compiled;
                try {
                    compiled = TEXT.compile(field.getValue());
                } catch (MustacheException broken) {
                    throw new InvalidRequestException("variants[" + i + "]." + field.getKey(),
                            "is not a valid template: " + broken.getMessage());
                }
                try {
                    compiled.execute(Map.of());
                } catch (MustacheException neverRenders) {
                    throw new InvalidRequestException("variants[" + i + "]." + field.getKey(),
                            "can never be rendered: " + neverRenders.getMessage());
                }
            }
        }
    }

    /** The variant with every field rendered against the context. */
    /** Links in the result lead only where a message may (see {@link SafeLinks}), whatever the values held. */
    static Variant render(Variant variant, Map<String, Object> context) {
        return variant.map((field, template) -> {
            String rendered = render(template, field.html(), context);
            return field.name().equals("link") ? SafeLinks.url(rendered)
                    : field.html() ? SafeLinks.html(rendered) : rendered;
        });
    }

    static String render(String template, boolean html, Map<String, Object> context) {
        Template compiled = COMPILED.get(new Source(template, html),
                source -> (source.html() ? HTML : TEXT).compile(source.template()));
        return compiled.execute(context);
    }

    /**
     * The context a template sees: the customer's values over the defaults, the caller's data over those, and
     * the fallbacks wherever a value is still missing or blank.
     */
    static Map<String, Object> context(Map<String, String> fallbacks, Map<String, Object> customer,
            Map<String, Object> data) {
        Map<String, Object> context = new HashMap<>();
        putAll(context, customer);
        putAll(context, data);
        Map<String, String> allFallbacks = new LinkedHashMap<>(DEFAULT_FALLBACKS);
        allFallbacks.putAll(fallbacks);
        allFallbacks.forEach((name, fallback) -> {
            Object value = context.get(name);
            if (value == null || value instanceof String text && text.isBlank()) {
                context.put(name, fallback);
            }
        });
        return context;
    }

    private static void putAll(Map<String, Object> into, Map<String, Object> values) {
        values.forEach((name, value) -> {
            if (value != null) {
                into.put(name, value);
            }
        });
    }
}
