package kiosk.testkit;

import kiosk.emulator.LocalAws;
import kiosk.emulator.Template;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test a {@link LocalAws} built from the project's template.yaml (its tables, queues and
 * secrets in DynamoDB Local, ElasticMQ and the local Secrets Manager): started once per test JVM
 * (in the root store, closed when the run ends) and shared by every test class that uses it.
 * Tests that need isolation make their own copies with {@link LocalAws#freshTable}. Items do not
 * expire by TTL here: the tests' clocks are fixed, DynamoDB Local's sweep is not.
 */
public final class LocalAwsExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalAwsExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalAws.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(LocalAws.class, key -> LocalAws.start(Template.project(), LocalAws.Options.TESTS), LocalAws.class);
    }
}
