package se.esam.lifecycle.system;

import java.io.IOException;

import org.springframework.modulith.NamedInterface;

/** A request body passed the size limit while it was being read (answered 413). */
@NamedInterface("errors")
public class RequestTooLargeException extends IOException {

    public RequestTooLargeException(long limit) {
        super("Begäran är för stor; högst " + limit + " byte tas emot.");
    }
}
