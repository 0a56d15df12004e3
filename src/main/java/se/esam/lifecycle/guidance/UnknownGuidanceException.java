package se.esam.lifecycle.guidance;

import se.esam.lifecycle.system.InvalidInputException;

/** The feedback names a document, version or section that the catalogue does not have. */
public class UnknownGuidanceException extends InvalidInputException {

    UnknownGuidanceException(String field, String message) {
        super(field, message);
    }
}
