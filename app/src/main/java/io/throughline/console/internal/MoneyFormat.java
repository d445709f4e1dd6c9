package io.throughline.console.internal;

import io.throughline.platform.Money;
import io.throughline.platform.MoneyText;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Money as staff read it (templates call it as {@code @money.format(amount)}): {@link MoneyText} in the reader's
 * language.
 */
@Component("money")
class MoneyFormat {

    public String format(@Nullable Money money) {
        if (money == null) {
            return "";
        }
        return format(money, LocaleContextHolder.getLocale());
    }

    static String format(Money money, Locale locale) {
        return MoneyText.format(money, locale);
    }
}
