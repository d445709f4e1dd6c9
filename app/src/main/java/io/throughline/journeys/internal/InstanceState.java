package io.throughline.journeys.internal;

/** Where a customer's instance of a journey stands; stored by its name in {@code journeys.instance.state}. */
enum InstanceState {
    /** In flight: at a step, waiting or about to send. */
    ACTIVE,
    /** Walked to an exit. */
    COMPLETED,
    /** Left early because the journey's goal event arrived. */
    CONVERTED,
    /** Left at a control-group split without the treatment. */
    CONTROL,
    /** Her profile was merged into one already in the journey, whose instance carries on. */
    MERGED
}
