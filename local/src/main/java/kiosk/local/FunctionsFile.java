package kiosk.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import kiosk.emulator.FunctionConfiguration;
import kiosk.emulator.OwnerOnlyFile;
import kiosk.local.function.LocalFunction;

/**
 * Every function as this runtime runs it: handler, package, memory, timeout and the whole
 * environment Lambda would give it here (the template's variables, this start's endpoints and
 * credentials, APIs pointed at this gateway). What a JVM of its own needs to run one function
 * against this runtime: the cold-start benchmark of every function starts them from it.
 */
final class FunctionsFile {

    private FunctionsFile() {
    }

    static void write(Path file, Map<String, LocalFunction> functions) throws IOException {
        Map<String, Object> content = new LinkedHashMap<>();
        functions.keySet().stream().sorted().forEach(id -> {
            FunctionConfiguration function = functions.get(id).configuration();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("handler", function.handler());
            entry.put("codeUri", function.codeUri().toString());
            entry.put("memoryMb", function.memoryMb());
            entry.put("timeoutSeconds", function.timeout().toSeconds());
            entry.put("arn", function.arn());
            entry.put("environment", new TreeMap<>(function.environment()));
            content.put(id, entry);
        });
        // It holds this start's credentials: owner-only, like everything in the data folder.
        OwnerOnlyFile.write(file, new ObjectMapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(content));
    }
}
