package se.esam.lifecycle.system;

import org.springframework.modulith.NamedInterface;

/** The request clashes with what is already stored or happened first; answered with 409 and the reason. */
@NamedInterface("errors")
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
