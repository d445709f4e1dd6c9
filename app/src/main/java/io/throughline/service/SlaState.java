package io.throughline.service;

/**
 * Where a case stands against its service-level targets: the next target still comfortably ahead, near
 * (within the warning period), passed, or every target kept (answered and resolved in time).
 */
public enum SlaState {
    ON_TRACK, AT_RISK, BREACHED, MET
}
