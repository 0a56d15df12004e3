package se.esam.lifecycle.system.guard;

import org.camunda.bpm.engine.BadUserRequestException;

import se.esam.lifecycle.system.InvalidInputException;

/**
 * A variable a person may not write. Camunda's REST API and Tasklist's answer a BadUserRequestException with
 * 400 and its message; our API finds the field in the cause.
 */
final class VariableRefused extends BadUserRequestException {

    VariableRefused(String variable, String message) {
        super(variable + ": " + message, new InvalidInputException(variable, message));
    }
}
