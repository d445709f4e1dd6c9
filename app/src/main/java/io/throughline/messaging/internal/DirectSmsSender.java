package io.throughline.messaging.internal;

import io.throughline.messaging.DirectSms;
import io.throughline.messaging.Variant;
import io.throughline.platform.Ids;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Direct answers by SMS through the one SMS adapter and the channel settings in force. */
@Component
class DirectSmsSender implements DirectSms {

    private final SmsAdapter sms;
    private final ChannelSettings settings;
    private final Clock clock;

    DirectSmsSender(SmsAdapter sms, ChannelSettings settings, Clock clock) {
        this.sms = sms;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Outcome send(UUID profileId, String to, String text) {
        ChannelAdapter.Result result = sms.deliver(new ChannelAdapter.Outgoing(Ids.newId(clock), profileId,
                new Variant.Sms("default", text), to, null, Map.of(), settings.current()));
        return switch (result) {
            case ChannelAdapter.Result.Sent sent -> new Outcome.Sent(sent.via());
            case ChannelAdapter.Result.Delivered delivered -> new Outcome.Sent("sms");
            case ChannelAdapter.Result.Failed failed -> new Outcome.Failed(failed.reason());
        };
    }
}
