package kiosk.local.function;

import kiosk.emulator.FunctionConfiguration;

/**
 * An invocation that did not return: the handler threw (Lambda's "Unhandled" error), could not
 * start, or ran out of time. Callers map these the way the AWS service in front would.
 */
public final class FunctionException extends RuntimeException {

    private final String errorType;
    private final boolean timeout;

    FunctionException(String errorType, String message, boolean timeout, Throwable cause) {
        super(message, cause);
        this.errorType = errorType;
        this.timeout = timeout;
    }

    static FunctionException timeout(FunctionConfiguration function, String requestId) {
        return new FunctionException("Sandbox.Timedout", requestId + " Task timed out after " + function.timeout().toSeconds()
                + ".00 seconds", true, null);
    }

    public static FunctionException error(Throwable cause) {
        return new FunctionException(cause.getClass().getName(), String.valueOf(cause.getMessage()), false, cause);
    }

    public String errorType() {
        return errorType;
    }

    public boolean timedOut() {
        return timeout;
    }
}
