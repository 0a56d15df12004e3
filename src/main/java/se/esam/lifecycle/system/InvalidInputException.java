package se.esam.lifecycle.system;

import org.springframework.modulith.NamedInterface;

/** Input that cannot be accepted, with the name of the field at fault; answered with 400. */
@NamedInterface("errors")
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
