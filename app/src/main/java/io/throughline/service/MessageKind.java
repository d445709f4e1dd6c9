package io.throughline.service;

/** A message to or from the customer, a private note staff write for each other, or a logged call. */
public enum MessageKind {
    MESSAGE, NOTE, CALL
}
