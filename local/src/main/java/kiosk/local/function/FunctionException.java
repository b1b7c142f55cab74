package kiosk.local.function;

import java.util.Optional;
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

    /** What the handler threw, or, when that comes down to a class its package lacks, which class. */
    static FunctionException error(FunctionConfiguration function, Throwable cause) {
        return missingClass(cause)
                .map(name -> new FunctionException(cause.getClass().getName(), missingClassMessage(function, name), false, cause))
                .orElseGet(() -> error(cause));
    }

    /** The handler could not be loaded or constructed. */
    static FunctionException initError(FunctionConfiguration function, String what, Throwable cause) {
        String message = missingClass(cause).map(name -> missingClassMessage(function, name))
                .orElse(function.logicalId() + " " + what + ": " + cause);
        return new FunctionException("Runtime.InitError", message, false, cause);
    }

    public String errorType() {
        return errorType;
    }

    public boolean timedOut() {
        return timeout;
    }

    /**
     * The class whose absence caused an error, if one did. "Could not initialize class" is a class
     * that is there but whose static initializer failed earlier: not a missing class.
     */
    static Optional<String> missingClass(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof ClassNotFoundException && t.getMessage() != null) {
                return Optional.of(t.getMessage());
            }
            if (t instanceof NoClassDefFoundError && t.getMessage() != null && !t.getMessage().startsWith("Could not initialize")) {
                return Optional.of(t.getMessage().replace('/', '.'));
            }
        }
        return Optional.empty();
    }

    /**
     * Says what to do, because the stack trace alone points at Lambda's serializer or the JDK, not
     * at the package. Lambda's Java runtime lends a package aws-lambda-java-core and nothing else.
     */
    private static String missingClassMessage(FunctionConfiguration function, String className) {
        String message = function.logicalId() + ": class " + className + " is missing from its deployment package "
                + function.codeUri() + ", and Lambda's Java runtime provides only aws-lambda-java-core:"
                + " the function fails on Lambda as it does here. Ship the library that has it in the package";
        if (className.startsWith("org.joda.time.")) {
            message += " (joda-time: Lambda's serializers need it for SQSEvent, ScheduledEvent and the other event types"
                    + " they know), or take the event as a Map or a stream";
        }
        return message + ".";
    }
}
