package io.throughline.recommendations.internal;

/** What a customer did with a product, and how much it says about her taste. */
enum InteractionKind {
    VIEW(0.1f), CART(0.3f), PURCHASE(1f), RETURN(-1f);

    private final float weight;

    InteractionKind(float weight) {
        this.weight = weight;
    }

    float weight() {
        return weight;
    }
}
