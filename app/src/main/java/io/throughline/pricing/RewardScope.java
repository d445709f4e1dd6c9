package io.throughline.pricing;

/**
 * What a percentage or fixed reward is taken off: each qualifying item (the lines the promotion's products and
 * categories select), or the whole order once the promotion qualifies.
 */
public enum RewardScope {
    ITEMS,
    ORDER
}
