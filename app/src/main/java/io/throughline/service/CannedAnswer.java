package io.throughline.service;

import java.util.UUID;

/**
 * An answer agents insert instead of typing it, found by its shortcut; its body may hold placeholders for the
 * customer's and the agent's details, e.g. {@code Dear {{firstName|customer}},} (the text after the bar when
 * the detail is unknown).
 */
public record CannedAnswer(UUID id, String shortcut, String title, String body) {}
