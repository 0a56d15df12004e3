package se.esam.lifecycle.system;

/** Answered with 404, also when the thing exists but the caller may not see it. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
