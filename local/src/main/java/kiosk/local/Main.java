package kiosk.local;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import kiosk.emulator.Template;

/**
 * The README's run command ({@code local/run}): the whole runtime, or with
 * {@code --services-only} the data services alone for sam local. Ctrl-C (SIGTERM) runs the
 * shutdown hook, which lets work in hand finish and stops the data services cleanly.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        long started = ManagementFactory.getRuntimeMXBean().getStartTime();
        Options options;
        try {
            options = Options.parse(args, Template.projectRoot());
        } catch (Options.HelpRequested help) {
            System.out.print(help.getMessage());
            return;
        } catch (Options.UsageException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        AutoCloseable running;
        LocalRuntime runtime = null;
        try {
            if (options.servicesOnly()) {
                DataServices services = DataServices.start(options);
                services.printSummary(System.out, started);
                running = services;
            } else {
                runtime = LocalRuntime.start(options, System.out);
                runtime.warmRoutes();
                Summary.print(System.out, runtime, started);
                running = runtime;
            }
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        markTrained();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Kiosk stopping...");
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("stopping: " + e);
            }
            System.out.println("Kiosk stopped; data kept in " + (options.dataDirectory() == null ? "nowhere (in memory)" : options.dataDirectory()));
        }));
    }

    /**
     * local/run records an AOT cache as a start runs and keeps it only when that start reached
     * its ready line: one that stopped at --help or a port in use would leave a cache of almost
     * nothing that every later start would load instead of recording a real one.
     */
    private static void markTrained() {
        String marker = System.getProperty("kiosk.aot.trained");
        if (marker != null) {
            try {
                Files.writeString(Path.of(marker), "");
            } catch (IOException e) {
                System.err.println("kiosk: " + marker + ": " + e.getMessage());
            }
        }
    }
}
