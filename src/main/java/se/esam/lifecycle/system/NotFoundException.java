package se.esam.lifecycle.system;

import org.springframework.modulith.NamedInterface;

/** Answered with 404, also when the thing exists but the caller may not see it. */
@NamedInterface("errors")
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
