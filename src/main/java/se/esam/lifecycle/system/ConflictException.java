package se.esam.lifecycle.system;

/** The request clashes with what is already stored or happened first; answered with 409 and the reason. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
