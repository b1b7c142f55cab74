package kiosk.local.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import kiosk.emulator.FunctionConfiguration;
import kiosk.local.lambda.SqsConsumerPackage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local runtime lends a package nothing Lambda's runtime does not: an SQS consumer whose
 * package lacks joda-time fails here as it fails on Lambda (RuntimeInterfaceClientIT shows that
 * side), with a message that names the missing class.
 */
class LocalFunctionTest {

    private static final byte[] EVENT = SqsConsumerPackage.EVENT.getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path packages;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @Test
    void anSqsConsumerWithoutJodaTimeFailsSayingWhichClassItsPackageLacks() throws Exception {
        Path code = SqsConsumerPackage.build(packages.resolve("without-joda"), false);
        try (LocalFunction function = function(code)) {
            FunctionException failure = assertThrows(FunctionException.class, () -> function.invoke(EVENT));

            assertTrue(failure.getMessage().contains("class org.joda.time.DateTime is missing from its deployment package " + code),
                    failure.getMessage());
            assertTrue(failure.getMessage().contains("joda-time"), failure.getMessage());
            assertTrue(log().contains("SqsConsumerFunction: request ") && log().contains("org.joda.time.DateTime is missing"), log());
            assertThrows(FunctionException.class, () -> function.invoke(EVENT), "every invocation fails, as on Lambda");
        }
    }

    @Test
    void theSameConsumerWithJodaTimeInItsPackageAnswers() throws Exception {
        try (LocalFunction function = function(SqsConsumerPackage.build(packages.resolve("with-joda"), true))) {
            assertEquals(SqsConsumerPackage.ANSWER, new String(function.invoke(EVENT), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aMissingClassIsFoundAnywhereInTheCauseChain() {
        Throwable wrapped = new RuntimeException("serializer", new IllegalStateException(new NoClassDefFoundError("org/example/Gone")));
        assertEquals("org.example.Gone", FunctionException.missingClass(wrapped).orElseThrow());
        assertTrue(FunctionException.missingClass(new NoClassDefFoundError("Could not initialize class org.example.Broken")).isEmpty(),
                "a class whose initializer failed is there, not missing");
        assertTrue(FunctionException.missingClass(new IllegalStateException("boom")).isEmpty());
    }

    private LocalFunction function(Path code) {
        FunctionConfiguration configuration = new FunctionConfiguration("SqsConsumerFunction",
                "arn:aws:lambda:eu-west-1:000000000000:function:SqsConsumerFunction", code, SqsConsumerPackage.HANDLER,
                Duration.ofSeconds(10), 512, Map.of(), Map.of());
        return new LocalFunction(configuration, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }
}
