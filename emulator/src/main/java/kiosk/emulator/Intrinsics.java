package kiosk.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudFormation's intrinsic functions for a template brought up on this machine: Ref, Fn::GetAtt,
 * Fn::Sub and Fn::Join over parameters' defaults, pseudo parameters and the resources that have
 * been {@linkplain #define defined} here (tables, queues, secrets), and dynamic references to
 * secrets ({@code {{resolve:secretsmanager:...}}}), which a deploy resolves. A reference to
 * anything not defined (a function's alias, the API) is left as it is, for the caller to read.
 */
public final class Intrinsics {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");
    private static final Pattern DYNAMIC = Pattern.compile(
            "\\{\\{resolve:secretsmanager:([^:}]+):SecretString(?::([^:}]*))?[^}]*}}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What {@code !Ref} of a resource answers, and its {@code !GetAtt} attributes. */
    private record Resource(String ref, Map<String, String> attributes) {
    }

    private final Template template;
    private final String region;
    private final String account;
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final Map<String, String> secretValues = new ConcurrentHashMap<>();

    public Intrinsics(Template template, String region, String account) {
        this.template = template;
        this.region = region;
        this.account = account;
    }

    /** A resource that now exists locally: what Ref of it answers, and its attributes for GetAtt. */
    public void define(String logicalId, String ref, Map<String, String> attributes) {
        resources.put(logicalId, new Resource(ref, Map.copyOf(attributes)));
    }

    /** A secret: Ref answers its name, and dynamic references to that name resolve to its value. */
    public void defineSecret(String logicalId, String name, String value) {
        define(logicalId, name, Map.of("Id", name));
        secretValues.put(name, value);
    }

    public String region() {
        return region;
    }

    public String account() {
        return account;
    }

    /** The value with every intrinsic function in it resolved, maps and lists copied. */
    public Object resolve(Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> only = map.entrySet().iterator().next();
            Object argument = only.getValue();
            switch (String.valueOf(only.getKey())) {
                case "Ref" -> {
                    return ref(String.valueOf(argument));
                }
                case "Fn::GetAtt" -> {
                    List<?> parts = argument instanceof List<?> l ? l : List.of(String.valueOf(argument).split("\\.", 2));
                    return getAtt(String.valueOf(parts.get(0)), String.valueOf(parts.get(1)));
                }
                case "Fn::Sub" -> {
                    if (argument instanceof List<?> l) {
                        Map<String, Object> variables = new LinkedHashMap<>();
                        Template.cast((Map<?, ?>) l.get(1)).forEach((k, v) -> variables.put(k, resolve(v)));
                        return sub(String.valueOf(l.get(0)), variables);
                    }
                    return sub(String.valueOf(argument), Map.of());
                }
                case "Fn::Join" -> {
                    List<?> l = (List<?>) argument;
                    List<String> parts = new ArrayList<>();
                    for (Object part : (List<?>) resolve(l.get(1))) {
                        parts.add(String.valueOf(part));
                    }
                    return String.join(String.valueOf(l.get(0)), parts);
                }
                default -> {
                    // not an intrinsic we resolve: copied like any other map
                }
            }
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), resolve(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(this::resolve).toList();
        }
        return value;
    }

    /** A scalar setting resolved, then any dynamic reference in it replaced by the secret's value. */
    public String text(Object value) {
        return resolveDynamicReferences(String.valueOf(resolve(value)));
    }

    /** Replaces CloudFormation dynamic references to a defined secret with its value, as a deploy would. */
    private String resolveDynamicReferences(String text) {
        Matcher matcher = DYNAMIC.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = secretValues.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("the template refers to an undeclared secret " + matcher.group(1));
            }
            if (matcher.group(2) != null && !matcher.group(2).isEmpty()) {
                try {
                    value = JSON.readTree(value).path(matcher.group(2)).asText();
                } catch (IOException e) {
                    throw new IllegalStateException("secret " + matcher.group(1) + " is not JSON", e);
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private Object ref(String name) {
        return switch (name) {
            case "AWS::Region" -> region;
            case "AWS::AccountId" -> account;
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            case "AWS::StackName" -> "kiosk-local";
            default -> {
                Resource resource = resources.get(name);
                if (resource != null) {
                    yield resource.ref();
                }
                Object parameter = template.section("Parameters").get(name);
                if (parameter instanceof Map<?, ?> p && p.containsKey("Default")) {
                    Object fallback = p.get("Default");
                    yield "CommaDelimitedList".equals(p.get("Type"))
                            ? List.of(String.valueOf(fallback).split(",")) : fallback;
                }
                yield Map.of("Ref", name);
            }
        };
    }

    private Object getAtt(String logicalId, String attribute) {
        Resource resource = resources.get(logicalId);
        if (resource == null) {
            return Map.of("Fn::GetAtt", List.of(logicalId, attribute));
        }
        String value = resource.attributes().get(attribute);
        if (value == null) {
            throw new IllegalArgumentException("no attribute " + attribute + " on " + logicalId
                    + "; it has " + resource.attributes().keySet());
        }
        return value;
    }

    private String sub(String text, Map<String, Object> variables) {
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            Object value = variables.containsKey(name) ? variables.get(name)
                    : name.contains(".") && !name.startsWith("AWS::")
                            ? getAtt(name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1))
                            : ref(name);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value instanceof String s ? s : matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString().replace("${!", "${");
    }
}
