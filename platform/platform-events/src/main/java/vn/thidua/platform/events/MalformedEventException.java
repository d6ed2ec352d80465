package vn.thidua.platform.events;

/**
 * A message that can never be applied, however often it is retried: not JSON, not a CloudEvent,
 * or data of the wrong shape. It goes to the dead-letter topic at once.
 */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
