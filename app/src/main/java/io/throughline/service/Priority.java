package io.throughline.service;

/** How urgent a case is; service-level policies may set tighter targets for the higher ones. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
