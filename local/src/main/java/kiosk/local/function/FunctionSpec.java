package kiosk.local.function;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One AWS::Serverless::Function as template.yaml declares it, resolved for this machine: where
 * its package is, its handler, limits, and the environment it gets (Globals plus its own, with
 * tables, queues and secrets turned into their local names).
 */
public record FunctionSpec(String logicalId, String name, String arn, Path codeUri, String handler, Duration timeout,
        int memoryMb, Map<String, String> environment) {

    public FunctionSpec {
        environment = Map.copyOf(environment);
    }
}
