package kiosk.local.function;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import kiosk.emulator.FunctionConfiguration;

/** What Lambda hands a handler: ids, limits, a deadline counting down from the template's timeout, a logger. */
record LocalContext(String awsRequestId, FunctionConfiguration function, long deadlineNanos, LambdaLogger logger,
                    String traceHeader) implements Context {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    static LocalContext start(String requestId, FunctionConfiguration function, PrintStream out) {
        return new LocalContext(requestId, function, System.nanoTime() + function.timeout().toNanos(), new Logger(out),
                newTraceHeader());
    }

    /** An X-Ray trace header as Lambda passes one: a new root per invocation, not sampled (nothing is sent). */
    private static String newTraceHeader() {
        byte[] random = new byte[20];
        RANDOM.nextBytes(random);
        java.util.HexFormat hex = java.util.HexFormat.of();
        return "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + hex.formatHex(random, 0, 12)
                + ";Parent=" + hex.formatHex(random, 12, 20) + ";Sampled=0";
    }

    @Override
    public String getXrayTraceId() {
        return traceHeader;
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function.logicalId();
    }

    @Override
    public String getLogStreamName() {
        return "local/" + function.logicalId();
    }

    @Override
    public String getFunctionName() {
        return function.logicalId();
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return function.arn();
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    @Override
    public int getMemoryLimitInMB() {
        return function.memoryMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    private record Logger(PrintStream out) implements LambdaLogger {
        @Override
        public void log(String message) {
            out.print(message);
            out.flush();
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}
