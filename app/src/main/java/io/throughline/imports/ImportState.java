package io.throughline.imports;

/** Where an import is: reading its file (also after a restart), finished, or stopped by a failure. */
public enum ImportState { RUNNING, DONE, FAILED }
