package kiosk.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import kiosk.emulator.LocalAws;
import kiosk.emulator.OwnerOnlyFile;

/**
 * The file {@code sam local invoke/start-api --env-vars} takes: for each function of the template,
 * its declared variables resolved here, and the endpoints of these data services as a container
 * reaches them, through host.docker.internal.
 */
final class SamEnvFile {

    private static final String DOCKER_HOST = "host.docker.internal";

    private SamEnvFile() {
    }

    static void write(Path file, LocalAws aws) throws IOException {
        Map<String, Map<String, String>> content = new LinkedHashMap<>();
        aws.functions().keySet().stream().sorted().forEach(id -> {
            Map<String, String> env = new LinkedHashMap<>();
            aws.function(id).declaredEnvironment().forEach((name, value) -> env.put(name,
                    value.replace("127.0.0.1", DOCKER_HOST).replace("localhost", DOCKER_HOST)));
            // KIOSK_* because sam local passes on only variables the template declares, and the
            // template can declare these empty without changing anything in AWS (AwsClients).
            env.put("KIOSK_ENDPOINT_URL_DYNAMODB", inContainer(aws.dynamoEndpoint().getPort()));
            env.put("KIOSK_ENDPOINT_URL_SQS", inContainer(aws.sqsEndpoint().getPort()));
            env.put("KIOSK_ENDPOINT_URL_SECRETS_MANAGER", inContainer(aws.secretsEndpoint().getPort()));
            if (env.containsKey("KIOSK_ENDPOINT_URL_SESV2")) {
                env.put("KIOSK_ENDPOINT_URL_SESV2", inContainer(aws.mail().endpoint().getPort()));
            }
            env.put("KIOSK_LOCAL_ACCESS_KEY_ID", aws.keys().accessKeyId());
            env.put("KIOSK_LOCAL_SECRET_ACCESS_KEY", aws.keys().secretAccessKey());
            content.put(id, env);
        });
        // It holds this start's credentials: owner-only, like everything in the data folder.
        OwnerOnlyFile.write(file, new ObjectMapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(content));
    }

    private static String inContainer(int port) {
        return "http://" + DOCKER_HOST + ":" + port;
    }
}
