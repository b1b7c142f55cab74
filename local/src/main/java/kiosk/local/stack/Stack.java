package kiosk.local.stack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import kiosk.local.function.FunctionSpec;
import kiosk.local.function.LocalFunction;
import kiosk.testkit.LocalAws;
import kiosk.testkit.Template;

/**
 * template.yaml brought up on this machine: DynamoDB Local and ElasticMQ holding its tables and
 * queues, its secrets served, and every function ready to run in its own class loader with the
 * environment the template gives it.
 */
public final class Stack implements AutoCloseable {

    /** Lambda's defaults when neither the function nor Globals say. */
    private static final int DEFAULT_TIMEOUT = 3;
    private static final int DEFAULT_MEMORY = 128;

    private final Template template;
    private final LocalAws aws;
    private final LocalSecrets secrets;
    private final Blueprint blueprint;
    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();

    /** {@code secretsDirectory} keeps the generated secrets between starts; null keeps nothing. */
    public Stack(Path templateFile, LocalAws.Options options, Path secretsDirectory, String secretsHost, int secretsPort,
            PrintStream log) {
        this.template = Template.load(templateFile);
        this.aws = LocalAws.start(template, options);
        this.secrets = LocalSecrets.start(template, secretsDirectory, secretsHost, secretsPort);
        secrets.ids().forEach(aws.resources()::defineRef);
        System.setProperty("aws.endpointUrlSecretsManager", secrets.endpoint());
        this.blueprint = new Blueprint(template, aws.resources()::resolve);
        Path base = templateFile.toAbsolutePath().getParent();
        template.resources("AWS::Serverless::Function").forEach((id, properties) ->
                functions.put(id, new LocalFunction(spec(base, id, properties), log)));
    }

    public Blueprint blueprint() {
        return blueprint;
    }

    public LocalAws aws() {
        return aws;
    }

    public LocalSecrets secrets() {
        return secrets;
    }

    public Map<String, LocalFunction> functions() {
        return Map.copyOf(functions);
    }

    public LocalFunction function(String logicalId) {
        LocalFunction function = functions.get(logicalId);
        if (function == null) {
            throw new IllegalArgumentException("template.yaml declares no function " + logicalId + "; it has " + functions.keySet());
        }
        return function;
    }

    /**
     * The environment template.yaml gives a function, resolved here, for a runner outside this
     * JVM (sam local's --env-vars): the function's own variables, without Lambda's reserved ones.
     */
    public Map<String, String> declaredEnvironment(String logicalId) {
        return aws.functionEnvironment(template, template.resources("AWS::Serverless::Function").get(logicalId),
                secrets::resolveDynamic);
    }

    private FunctionSpec spec(Path base, String id, Map<String, Object> properties) {
        Map<String, Object> globals = template.functionGlobals();
        Object codeUri = setting(properties, globals, "CodeUri", null);
        Object handler = setting(properties, globals, "Handler", null);
        if (codeUri == null || handler == null) {
            throw new IllegalStateException(id + " has no CodeUri or Handler in template.yaml");
        }
        int timeout = Integer.parseInt(String.valueOf(setting(properties, globals, "Timeout", DEFAULT_TIMEOUT)));
        int memory = Integer.parseInt(String.valueOf(setting(properties, globals, "MemorySize", DEFAULT_MEMORY)));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.putAll(aws.sdkEnvironment());
        environment.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.endpoint());
        environment.put("AWS_DEFAULT_REGION", LocalAws.REGION);
        environment.put("AWS_LAMBDA_FUNCTION_NAME", id);
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(memory));
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + id);
        environment.putAll(aws.functionEnvironment(template, properties, secrets::resolveDynamic));
        String arn = "arn:aws:lambda:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT + ":function:" + id;
        return new FunctionSpec(id, id, arn, base.resolve(String.valueOf(codeUri)).normalize(), String.valueOf(handler),
                Duration.ofSeconds(timeout), memory, environment);
    }

    private Object setting(Map<String, Object> function, Map<String, Object> globals, String name, Object fallback) {
        Object value = function.containsKey(name) ? function.get(name) : globals.getOrDefault(name, fallback);
        return aws.resources().resolve(value);
    }

    @Override
    public void close() {
        functions.values().forEach(LocalFunction::close);
        secrets.close();
        aws.close();
    }
}
