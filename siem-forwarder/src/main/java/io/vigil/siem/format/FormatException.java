package io.vigil.siem.format;

/** A record that cannot become a CEF message; its message is the dead-letter reason. */
public class FormatException extends RuntimeException {

    public FormatException(String message) {
        super(message);
    }
}
