package se.esam.lifecycle.feedback;

/** How soon the expert group must review; the review period per priority is configured. */
public enum Priority {
    HIGH,
    NORMAL,
    LOW
}
