package io.throughline.pricing;

/**
 * How a promotion combines with others. Promotions are considered in priority order (highest first); an
 * exclusive one applies only when nothing has applied before it, and once it applies nothing after it does.
 * Stackable ones apply one after another, each on what the earlier ones left.
 */
public enum Stacking {
    EXCLUSIVE,
    STACKABLE
}
