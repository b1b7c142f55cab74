package kiosk.local.events;

import java.io.PrintStream;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * An event source mapping's thread: rounds of polling until closed. A round that fails never ends
 * the thread while the runtime goes on taking requests: an AWS call's failure is tried again in a
 * second, anything else (a positions file not writable, an event that cannot be written) in five,
 * with a line in the log each time; what was not done is handed over again (at least once, as on
 * Lambda).
 */
abstract class EventSourcePoller implements AutoCloseable {

    protected final PrintStream log;
    private final Thread thread;
    private volatile boolean running = true;

    protected EventSourcePoller(String threadName, PrintStream log) {
        this.log = log;
        this.thread = Thread.ofPlatform().daemon().name(threadName).unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    protected boolean running() {
        return running;
    }

    /** Whether it still polls: started, not closed, its thread alive. */
    public boolean alive() {
        return running && thread.isAlive();
    }

    /** "Function <- Source", as its log lines name it. */
    public String source() {
        return describe();
    }

    /** One round; true when it found work, so the next follows at once rather than after {@link #idleMillis}. */
    protected abstract boolean round();

    /** The wait after a round that found nothing (none for a long poll, which waits itself). */
    protected abstract long idleMillis();

    /** Who polls what, for the log: "Function <- Source". */
    protected abstract String describe();

    private void run() {
        while (running) {
            try {
                if (!round()) {
                    pause(idleMillis());
                }
            } catch (SdkException e) {
                if (running) {
                    log.printf("%s: %s; polling again in 1 s%n", describe(), e.getMessage());
                    pause(1000);
                }
            } catch (RuntimeException e) {
                if (running) {
                    log.printf("%s: stopped by %s; polling again in 5 s%n", describe(), e);
                    pause(5000);
                }
            }
        }
    }

    protected static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops polling; a batch being handled finishes first, so none is left half-done. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
