package kiosk.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import kiosk.emulator.LocalAws;
import kiosk.emulator.Template;

/**
 * The services-only mode ({@code --services-only}), for {@code sam local}: the template's tables,
 * queues and secrets in DynamoDB Local, ElasticMQ and the local Secrets Manager at fixed ports on
 * every interface, so that functions in containers reach them, and the env file that points those
 * functions here. No gateway, pollers or schedules: sam local runs the functions.
 */
public final class DataServices implements AutoCloseable {

    private final Options options;
    private final LocalAws aws;
    private final DataFolder folder;

    private DataServices(Options options, LocalAws aws, DataFolder folder) {
        this.options = options;
        this.aws = aws;
        this.folder = folder;
    }

    public static DataServices start(Options options) {
        DataFolder folder = DataFolder.prepare(options);
        LocalAws aws;
        try {
            aws = LocalAws.start(Template.load(options.template()).withParameters(options.parameters()), new LocalAws.Options(options.dynamoPort(),
                    options.sqsPort(), options.secretsPort(), options.host(), options.dataDirectory()));
        } catch (RuntimeException e) {
            folder.close();
            throw e;
        }
        try {
            SamEnvFile.write(options.envFile(), aws);
        } catch (IOException e) {
            aws.close();
            folder.close();
            throw new UncheckedIOException("cannot write " + options.envFile(), e);
        }
        return new DataServices(options, aws, folder);
    }

    public LocalAws aws() {
        return aws;
    }

    void printSummary(PrintStream log, long startedMillis) {
        log.printf("%nData services for sam local (template %s):%n", options.template());
        log.printf("  DynamoDB Local  %s   tables: %s%n", aws.dynamoEndpoint(), aws.tableNames().values());
        log.printf("  ElasticMQ       %s   queues: %s%n", aws.sqsEndpoint(), aws.queueUrls().keySet());
        log.printf("  Secrets Manager %s   secrets: %s%n", aws.secretsEndpoint(), aws.secretIds().keySet());
        log.printf("  listening on %s only; each answers only this start's credentials (in the env file)%n",
                options.host());
        log.printf("  env file for --env-vars: %s%n", options.envFile());
        log.printf("%nKiosk data services ready in %d ms; Ctrl-C stops them%n", System.currentTimeMillis() - startedMillis);
    }

    @Override
    public void close() {
        aws.close();
        folder.close();
    }
}
