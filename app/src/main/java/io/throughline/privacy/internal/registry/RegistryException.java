package io.throughline.privacy.internal.registry;

/** The registry files do not say what they must. */
public class RegistryException extends RuntimeException {

    public RegistryException(String message) {
        super(message);
    }
}
