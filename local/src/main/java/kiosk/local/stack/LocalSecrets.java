package kiosk.local.stack;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kiosk.testkit.SecretsStub;
import kiosk.testkit.Template;

/**
 * The template's AWS::SecretsManager::Secret resources, generated the way CloudFormation does
 * (GenerateSecretString's length and character classes, or a given SecretString), served over
 * the Secrets Manager API to functions that read them at init, and kept in the data directory
 * (owner-only) so that tokens signed before a restart still verify after it.
 */
public final class LocalSecrets implements AutoCloseable {

    private static final Pattern DYNAMIC = Pattern.compile("\\{\\{resolve:secretsmanager:([^:}]+):SecretString(?::([^:}]*))?[^}]*}}");
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> values;
    private final SecretsStub stub;

    private LocalSecrets(Map<String, String> values, SecretsStub stub) {
        this.values = values;
        this.stub = stub;
        values.forEach(stub::put);
    }

    /**
     * Loads the kept values (a file in {@code dataDirectory}, or none when null), generates the
     * missing ones, and serves them on the host and port given (0 for a free one).
     */
    public static LocalSecrets start(Template template, Path dataDirectory, String host, int port) {
        Map<String, String> kept = new TreeMap<>(read(dataDirectory));
        Map<String, String> values = new LinkedHashMap<>();
        template.resources("AWS::SecretsManager::Secret").forEach((id, properties) ->
                values.put(id, kept.containsKey(id) ? kept.get(id) : generate(properties)));
        if (dataDirectory != null && !values.equals(kept)) {
            write(dataDirectory, values);
        }
        return new LocalSecrets(values, SecretsStub.start(host, port));
    }

    /** Secret ids by logical id: what !Ref of each resolves to locally. */
    public Map<String, String> ids() {
        Map<String, String> ids = new LinkedHashMap<>();
        values.keySet().forEach(id -> ids.put(id, id));
        return ids;
    }

    public String endpoint() {
        return stub.endpoint().toString();
    }

    public int port() {
        return stub.port();
    }

    /** Replaces CloudFormation dynamic references to a secret with its value, as a deploy would. */
    public String resolveDynamic(String text) {
        Matcher matcher = DYNAMIC.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("template.yaml refers to an undeclared secret " + matcher.group(1));
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

    static String generate(Map<String, Object> properties) {
        if (properties.get("SecretString") != null) {
            return String.valueOf(properties.get("SecretString"));
        }
        Map<String, Object> g = properties.get("GenerateSecretString") instanceof Map<?, ?> m ? Template.cast(m) : Map.of();
        int length = Integer.parseInt(String.valueOf(g.getOrDefault("PasswordLength", 32)));
        String excluded = String.valueOf(g.getOrDefault("ExcludeCharacters", ""));
        StringBuilder alphabet = new StringBuilder();
        if (!flag(g, "ExcludeUppercase")) {
            alphabet.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        }
        if (!flag(g, "ExcludeLowercase")) {
            alphabet.append("abcdefghijklmnopqrstuvwxyz");
        }
        if (!flag(g, "ExcludeNumbers")) {
            alphabet.append("0123456789");
        }
        if (!flag(g, "ExcludePunctuation")) {
            alphabet.append(PUNCTUATION);
        }
        if (flag(g, "IncludeSpace")) {
            alphabet.append(' ');
        }
        String symbols = alphabet.chars().filter(c -> excluded.indexOf(c) < 0)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        SecureRandom random = new SecureRandom();
        StringBuilder secret = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            secret.append(symbols.charAt(random.nextInt(symbols.length())));
        }
        if (g.get("SecretStringTemplate") != null && g.get("GenerateStringKey") != null) {
            try {
                Map<String, Object> body = JSON.readValue(String.valueOf(g.get("SecretStringTemplate")), new TypeReference<>() { });
                body.put(String.valueOf(g.get("GenerateStringKey")), secret.toString());
                return JSON.writeValueAsString(body);
            } catch (IOException e) {
                throw new IllegalStateException("SecretStringTemplate is not JSON", e);
            }
        }
        return secret.toString();
    }

    private static boolean flag(Map<String, Object> g, String name) {
        return Boolean.parseBoolean(String.valueOf(g.getOrDefault(name, false)));
    }

    private static Map<String, String> read(Path dataDirectory) {
        Path file = dataDirectory == null ? null : dataDirectory.resolve("secrets.json");
        if (file == null || !Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + "; delete it or start with --fresh", e);
        }
    }

    private static void write(Path dataDirectory, Map<String, String> values) {
        try {
            OwnerOnlyFile.write(dataDirectory.resolve("secrets.json"), JSON.writeValueAsString(values));
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the local secrets in " + dataDirectory, e);
        }
    }

    @Override
    public void close() {
        stub.close();
    }
}
