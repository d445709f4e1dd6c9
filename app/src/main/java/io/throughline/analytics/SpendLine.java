package io.throughline.analytics;

import io.throughline.platform.Channel;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Money;
import java.time.YearMonth;

/** What the brand spent on marketing in one month, channel and campaign. */
public record SpendLine(YearMonth month, Channel channel, String campaign, Money amount) {

    public SpendLine {
        if (campaign.isBlank() || campaign.length() > 200) {
            throw new InvalidRequestException("campaign", "must be 1 to 200 characters");
        }
        if (amount.isNegative()) {
            throw new InvalidRequestException("amount", "must not be negative");
        }
    }
}
