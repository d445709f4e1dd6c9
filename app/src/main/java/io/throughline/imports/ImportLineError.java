package io.throughline.imports;

/**
 * A line an import could not take, and why; the reason names the field and never repeats a customer's identifier.
 *
 * @param line the line's number in the file (the header is line 1)
 */
public record ImportLineError(long line, String field, String reason) {}
