package io.throughline.service.internal;

import io.throughline.messaging.DirectSms;
import io.throughline.service.Medium;
import org.springframework.stereotype.Component;

/** Answers by SMS through messaging's SMS provider. */
@Component
final class SmsReplies implements ReplyChannel {

    private final DirectSms sms;

    SmsReplies(DirectSms sms) {
        this.sms = sms;
    }

    @Override
    public Medium medium() {
        return Medium.SMS;
    }

    @Override
    public Result deliver(Outgoing outgoing) {
        return switch (sms.send(outgoing.profileId(), outgoing.recipient(), outgoing.text())) {
            case DirectSms.Outcome.Sent sent -> new Result.Sent("sms: " + sent.via());
            case DirectSms.Outcome.Failed failed -> new Result.Failed(failed.reason());
        };
    }
}
