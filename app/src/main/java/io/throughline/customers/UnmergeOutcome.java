package io.throughline.customers;

import java.util.UUID;

/** A merge undone: the profile that had been absorbed lives again with what was hers. */
public record UnmergeOutcome(UUID mergeId, UUID survivorId, UUID restoredId, int identitiesMoved, int eventsMoved) {}
