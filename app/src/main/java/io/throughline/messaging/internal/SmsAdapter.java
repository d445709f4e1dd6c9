package io.throughline.messaging.internal;

import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.Variant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * SMS through any provider that takes the generic JSON request {@code POST {url}} with
 * {@code {"to": "+36…", "from": "…", "text": "…"}} and a bearer token or basic credentials; into the local
 * sink when no provider URL is set.
 */
@Component
final class SmsAdapter implements ChannelAdapter {

    private final LocalSink sink;
    private final JsonPoster poster;

    SmsAdapter(LocalSink sink, JsonPoster poster) {
        this.sink = sink;
        this.poster = poster;
    }

    @Override
    public MessageChannel channel() {
        return MessageChannel.SMS;
    }

    @Override
    public Result deliver(Outgoing outgoing) {
        Variant.Sms sms = (Variant.Sms) outgoing.content();
        ChannelSettings.Values values = outgoing.settings();
        String url = values.get(ChannelSettings.SMS_URL);
        if (url == null) {
            return sink.keep(outgoing.deliveryId(), channel(), outgoing.recipient(), null, sms.text(), null,
                    Map.of());
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("to", outgoing.recipient());
        request.put("from", String.valueOf(values.get(ChannelSettings.SMS_FROM)));
        request.put("text", sms.text());
        return poster.post("sms provider", url, request, values.get(ChannelSettings.SMS_TOKEN),
                values.get(ChannelSettings.SMS_USERNAME), values.get(ChannelSettings.SMS_PASSWORD));
    }
}
