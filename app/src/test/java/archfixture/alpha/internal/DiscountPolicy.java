package archfixture.alpha.internal;

import org.springframework.stereotype.Component;

/** A business rule that became a Spring bean: what the Spring-free rule is there to catch. */
@Component
public class DiscountPolicy {

    public long discounted(long amount) {
        return amount * 9 / 10;
    }
}
