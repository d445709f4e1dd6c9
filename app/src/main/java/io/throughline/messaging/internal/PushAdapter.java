package io.throughline.messaging.internal;

import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.Variant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Push through the brand's own webhook, which forwards to its app's push service: {@code POST {url}} with
 * {@code {"deliveryId", "profileId", "title", "body", "link"}}; into the local sink when no URL is set.
 */
@Component
final class PushAdapter implements ChannelAdapter {

    private final LocalSink sink;
    private final JsonPoster poster;

    PushAdapter(LocalSink sink, JsonPoster poster) {
        this.sink = sink;
        this.poster = poster;
    }

    @Override
    public MessageChannel channel() {
        return MessageChannel.PUSH;
    }

    @Override
    public Result deliver(Outgoing outgoing) {
        Variant.Push push = (Variant.Push) outgoing.content();
        ChannelSettings.Values values = outgoing.settings();
        String url = values.get(ChannelSettings.PUSH_URL);
        if (url == null) {
            return sink.keep(outgoing.deliveryId(), channel(), outgoing.recipient(), push.title(), push.body(), null,
                    Map.of("link", push.link()));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("deliveryId", outgoing.deliveryId().toString());
        request.put("profileId", outgoing.profileId().toString());
        request.put("title", push.title());
        request.put("body", push.body());
        request.put("link", push.link());
        return poster.post("push webhook", url, request, values.get(ChannelSettings.PUSH_TOKEN), null, null);
    }
}
