package kiosk.emulator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The template's AWS::SecretsManager::Secret resources, generated the way CloudFormation does
 * (GenerateSecretString's length, character classes and template, or a given SecretString) and
 * kept owner-only in a data directory, so that tokens signed before a restart still verify after
 * it. Each secret's id is its logical id, which is what !Ref of it resolves to locally.
 */
final class LocalSecrets {

    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String FILE = "secrets.json";

    private LocalSecrets() {
    }

    /**
     * Every secret's value by logical id: the kept one when {@code dataDirectory} has it, a new one
     * otherwise (written back when anything was new). A null directory keeps nothing.
     */
    static Map<String, String> load(Template template, Path dataDirectory) {
        Map<String, String> kept = new TreeMap<>(read(dataDirectory));
        Map<String, String> values = new LinkedHashMap<>();
        template.resources("AWS::SecretsManager::Secret").forEach((id, properties) ->
                values.put(id, kept.containsKey(id) ? kept.get(id) : generate(properties)));
        if (dataDirectory != null && !values.equals(kept)) {
            write(dataDirectory, values);
        }
        return values;
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
        Path file = dataDirectory == null ? null : dataDirectory.resolve(FILE);
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
            OwnerOnlyFile.write(dataDirectory.resolve(FILE), JSON.writeValueAsString(values));
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the local secrets in " + dataDirectory, e);
        }
    }
}
