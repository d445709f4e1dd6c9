package io.throughline.events;

/** How far each processor has read the log. */
public interface ProcessorOffsets {

    /** The position of the last event the processor has processed; 0 before its first batch. */
    long offset(String processor);
}
