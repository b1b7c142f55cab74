package kiosk.emulator;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * template.yaml as plain maps and lists. CloudFormation's short tags become their long forms
 * ({@code !Ref X} is {@code {Ref: X}}, {@code !GetAtt A.B} is {@code {Fn::GetAtt: [A, B]}}, any
 * other {@code !Fn} is {@code {Fn::Fn: ...}}), so readers handle one form only.
 */
public final class Template {

    private final Path file;
    private final Map<String, Object> root;

    private Template(Path file, Map<String, Object> root) {
        this.file = file;
        this.root = root;
    }

    /** The project's template.yaml, found from the {@code kiosk.root} system property the build sets. */
    public static Template project() {
        return load(projectRoot().resolve("template.yaml"));
    }

    public static Path projectRoot() {
        String configured = System.getProperty("kiosk.root");
        Path start = Path.of(configured == null ? "" : configured).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no template.yaml above " + start + "; set -Dkiosk.root");
    }

    public static Template load(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new CloudFormationConstructor(options));
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object parsed = yaml.load(reader);
            if (!(parsed instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(file + " is not a YAML mapping");
            }
            return new Template(file.toAbsolutePath(), cast(map));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /**
     * This template with parameters' values in place of their defaults, as a deploy's parameter
     * overrides give them: refused, as CloudFormation refuses it, for a parameter the template
     * does not declare or a value outside its AllowedValues or AllowedPattern.
     */
    public Template withParameters(Map<String, String> values) {
        if (values.isEmpty()) {
            return this;
        }
        Map<String, Object> parameters = new LinkedHashMap<>(section("Parameters"));
        values.forEach((name, value) -> {
            if (!(parameters.get(name) instanceof Map<?, ?> declared)) {
                throw new IllegalArgumentException("the template has no parameter " + name + "; it has " + parameters.keySet());
            }
            if (declared.get("AllowedValues") instanceof List<?> allowed && !allowed.stream().map(String::valueOf).toList().contains(value)) {
                throw new IllegalArgumentException(name + " must be one of " + allowed + ": " + value);
            }
            if (declared.get("AllowedPattern") instanceof String pattern && !value.matches(pattern)) {
                throw new IllegalArgumentException(name + " must match " + pattern + ": " + value);
            }
            Map<String, Object> replaced = new LinkedHashMap<>(cast(declared));
            replaced.put("Default", value);
            parameters.put(name, replaced);
        });
        Map<String, Object> root = new LinkedHashMap<>(this.root);
        root.put("Parameters", parameters);
        return new Template(file, root);
    }

    /** The folder the template is in: what its CodeUri paths are relative to. */
    public Path directory() {
        return file.getParent();
    }

    public Path file() {
        return file;
    }

    /** Logical id to properties of every resource of the given type, in template order. */
    public Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        section("Resources").forEach((id, value) -> {
            Map<String, Object> resource = cast((Map<?, ?>) value);
            if (type.equals(resource.get("Type"))) {
                Object properties = resource.get("Properties");
                found.put(id, properties == null ? Map.of() : cast((Map<?, ?>) properties));
            }
        });
        return found;
    }

    public Map<String, Object> section(String name) {
        Object value = root.get(name);
        return value == null ? Map.of() : cast((Map<?, ?>) value);
    }

    /** Globals.Function, the defaults every AWS::Serverless::Function inherits. */
    public Map<String, Object> functionGlobals() {
        Object function = section("Globals").get("Function");
        return function == null ? Map.of() : cast((Map<?, ?>) function);
    }

    /** A YAML mapping read from the template, typed as its readers use it. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static final class CloudFormationConstructor extends SafeConstructor {

        CloudFormationConstructor(LoaderOptions options) {
            super(options);
            yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String tag = node.getTag().getValue().substring(1);
                    String name = tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
                    Object value;
                    if (node instanceof ScalarNode scalar) {
                        String text = constructScalar(scalar);
                        value = tag.equals("GetAtt") ? List.of(text.split("\\.", 2)) : text;
                    } else if (node instanceof SequenceNode sequence) {
                        value = constructSequence(sequence);
                    } else {
                        value = constructMapping((MappingNode) node);
                    }
                    return Map.of(name, value);
                }
            });
        }
    }
}
