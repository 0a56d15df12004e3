package se.esam.lifecycle.system;

/** The caller is known but may not do this; answered with 403 and the reason. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
