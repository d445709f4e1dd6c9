package io.throughline.analytics;

/** The ways a conversion's value is shared among the touchpoints before it. */
public enum AttributionModel {
    FIRST_TOUCH, LAST_TOUCH, LAST_NON_DIRECT, LINEAR, TIME_DECAY, POSITION_BASED, MARKOV, SHAPLEY
}
