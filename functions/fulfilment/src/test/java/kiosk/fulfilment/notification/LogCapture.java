package kiosk.fulfilment.notification;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kiosk.shared.log.Log;

/** The log lines a piece of work writes, as the function's log would show them. */
final class LogCapture {

    private LogCapture() {
    }

    static List<String> of(Runnable work) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream previous = Log.redirect(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            Log.redirect(previous);
        }
        String text = captured.toString(StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
