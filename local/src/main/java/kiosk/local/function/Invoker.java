package kiosk.local.function;

/**
 * Invokes a function of the stack by logical id with a JSON event and answers its JSON result
 * ({@code null} for a void handler), or throws {@link FunctionException}. What the gateway,
 * authorizers, pollers and schedules call; a test can give them any function it likes.
 */
@FunctionalInterface
public interface Invoker {

    byte[] invoke(String logicalId, byte[] event);
}
