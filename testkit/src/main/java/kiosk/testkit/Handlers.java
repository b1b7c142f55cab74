package kiosk.testkit;

import kiosk.emulator.FunctionConfiguration;

/**
 * A function's handler as Lambda builds it: the class its configuration names, constructed with
 * its public no-argument constructor (the one that wires the defaults).
 */
public final class Handlers {

    private Handlers() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T construct(FunctionConfiguration function) {
        String handler = function.handler();
        int method = handler.indexOf("::");
        String type = method < 0 ? handler : handler.substring(0, method);
        try {
            return (T) Class.forName(type).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(function.logicalId() + ": cannot construct " + type, e);
        }
    }
}
