package se.esam.lifecycle.system;

import org.springframework.modulith.NamedInterface;

/** The caller is known but may not do this; answered with 403 and the reason. */
@NamedInterface("errors")
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
