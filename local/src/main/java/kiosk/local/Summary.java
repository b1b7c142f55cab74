package kiosk.local;

import java.io.PrintStream;
import java.nio.file.Files;
import kiosk.emulator.MailCatcher;
import kiosk.local.events.Scheduler;
import kiosk.local.stack.Blueprint;

/** What a started runtime serves, as a table: the first thing a developer reads. */
final class Summary {

    private Summary() {
    }

    /**
     * A POSIX shell line that logs in and keeps the access token in TOKEN, with nothing but curl
     * and the Python every such machine has. The password is generated (letters and digits), so
     * single quotes hold it safely.
     */
    static String signInLine(String url, String email, String password) {
        return "TOKEN=$(curl -s -X POST " + url + "/auth/login -H 'content-type: application/json'"
                + " -d '{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}'"
                + " | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"accessToken\"])')";
    }

    static void print(PrintStream log, LocalRuntime runtime, long startedMillis) {
        Blueprint blueprint = runtime.stack().blueprint();
        Scheduler scheduler = runtime.scheduler();
        log.printf("%n  %-8s %-28s %-28s %s%n", "METHOD", "ROUTE", "FUNCTION", "AUTHORIZER");
        blueprint.routes().forEach(r -> log.printf("  %-8s %-28s %-28s %s%n", r.path().equals("$default") ? "" : r.method(),
                r.path(), r.functionId(), r.authorizer() == null ? "none" : r.authorizer()));
        blueprint.queueSources().forEach(q -> log.printf("  queue %s -> %s (batch %d, window %d s%s)%s%n", q.queueId(), q.functionId(),
                q.batchSize(), q.windowSeconds(), q.reportBatchItemFailures() ? ", partial batch failures" : "",
                q.enabled() ? "" : " disabled"));
        blueprint.streamSources().forEach(t -> log.printf("  stream %s -> %s (batch %d, from %s%s)%s%n", t.tableId(),
                t.functionId(), t.batchSize(), t.startingPosition(), t.reportBatchItemFailures() ? ", partial batch failures" : "",
                t.enabled() ? "" : " disabled"));
        scheduler.schedules().values().forEach(s -> log.printf("  schedule %s -> %s %s %s%n", s.name(), s.functionId(), s.expression(),
                s.enabled() ? "next " + scheduler.nextFire(s.name()) : "disabled"));
        if (blueprint.queueSources().isEmpty() && blueprint.streamSources().isEmpty() && scheduler.schedules().isEmpty()) {
            log.println("  (no queue or stream consumers or schedules in the template)");
        }
        blueprint.ignored().forEach(i -> log.println("  not emulated: " + i));
        Options options = runtime.options();
        log.printf("  data: %s%n", options.dataDirectory() == null ? "in memory (gone at exit)" : options.dataDirectory());
        runtime.accounts().forEach((name, account) -> log.printf("  %s: %s / %s (local only; kept in the data folder)%n",
                name, account.email(), account.password()));
        runtime.notes().forEach(note -> log.printf("  %s%n", note));
        MailCatcher mail = runtime.stack().aws().mail();
        boolean mailing = runtime.stack().functions().values().stream()
                .anyMatch(f -> !f.configuration().environment().getOrDefault("SENDER_EMAIL", "").isBlank());
        if (mailing) {
            log.printf("  email: caught here, never sent; each message (a password reset's token too) is a file in %s%n",
                    mail.folder() == null ? "no folder (in memory)" : mail.folder());
        } else {
            log.printf("  email: off (SenderEmail is empty): notifications reach the inbox only;"
                    + " --parameter SenderEmail=shop@kiosk.local catches each email as a file in the data folder's mail/%n");
        }
        if (Files.isRegularFile(ApiReference.documentOf(options.template()))) {
            log.printf("%nAPI reference: %s%s (the OpenAPI document: %s%s)%n", runtime.url(), ApiReference.DOCS, runtime.url(),
                    ApiReference.DOCUMENT);
        }
        WebShop shop = runtime.shop();
        if (shop.built()) {
            log.printf("%nThe shop: %s/ (sign in as the admin above for the admin console)%n", runtime.url());
        } else {
            log.printf("%nThe shop's pages are not built (%s): to open the shop at %s/, run once%n  %s%n", shop.root(),
                    runtime.url(), WebShop.BUILD_COMMAND);
        }
        if (runtime.admin() != null) {
            log.printf("%nSign in as the admin (paste into a shell; TOKEN lasts 15 minutes):%n  %s%n",
                    signInLine(runtime.url().toString(), runtime.admin().email(), runtime.admin().password()));
        }
        log.printf("%nKiosk ready at %s in %d ms (Ctrl-C stops it)%n", runtime.url(), System.currentTimeMillis() - startedMillis);
    }
}
