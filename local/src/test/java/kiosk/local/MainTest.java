package kiosk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The command line as a new user meets it: the runtime's main in its own JVM, its streams and exit code read. */
class MainTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run main(String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String out = read(process.getInputStream());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "it exits by itself");
        return new Run(process.exitValue(), out, err.join());
    }

    private static String read(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void helpGoesToStandardOutputAndExitsZero() throws Exception {
        for (String flag : List.of("--help", "-h")) {
            Run run = main(flag);
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.out().startsWith("usage: "), run.out());
            assertTrue(run.out().contains("--services-only"), run.out());
            assertEquals("", run.err());
        }
    }

    @Test
    void anUnknownOptionIsAUsageErrorOnStandardError() throws Exception {
        Run run = main("--prot", "8080");
        assertEquals(2, run.exit());
        assertEquals("", run.out(), "nothing started");
        assertTrue(run.err().startsWith("unknown option --prot\nusage: "), run.err());
    }
}
