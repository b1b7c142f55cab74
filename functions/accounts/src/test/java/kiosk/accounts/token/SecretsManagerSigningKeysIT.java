package kiosk.accounts.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kiosk.emulator.LocalAws;
import kiosk.emulator.SecretsManagerEndpoint;
import kiosk.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Keys read through the SDK's real client from a local Secrets Manager endpoint. */
class SecretsManagerSigningKeysIT {

    private static final String SECRET = "kiosk-signing-key";

    private SecretsManagerEndpoint stub;
    private SecretsManagerClient client;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));

    @BeforeEach
    void start() {
        stub = SecretsManagerEndpoint.start();
        client = SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(LocalAws.REGION))
                .endpointOverride(stub.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(stub.keys().accessKeyId(),
                        stub.keys().secretAccessKey())))
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    private static String secret(char c) {
        return String.valueOf(c).repeat(64);
    }

    @Test
    void signsWithTheCurrentVersionNamedByItsVersionId() {
        String version = stub.put(SECRET, secret('a'));
        SecretsManagerSigningKeys keys = new SecretsManagerSigningKeys(client, SECRET, clock);

        assertEquals(version, keys.current().kid());
        assertTrue(java.util.Arrays.equals(secret('a').getBytes(StandardCharsets.UTF_8), keys.current().secret()));
        assertEquals(Optional.empty(), keys.find("some-other-version"));
    }

    @Test
    void whenSecretsManagerCannotBeReadAnUnknownKeyIsRefusedAndKnownKeysGoOnServing() {
        String version = stub.put(SECRET, secret('a'));
        SecretsManagerSigningKeys keys = new SecretsManagerSigningKeys(client, SECRET, clock);
        stub.close();

        assertEquals(Optional.empty(), keys.find("forged-key-id"), "refused, not an authorizer error");
        clock.advance(SecretsManagerSigningKeys.MAX_AGE);
        assertEquals(version, keys.current().kid(), "a failed re-read keeps the keys in hand");
        assertEquals(version, keys.find(version).orElseThrow().kid());
        assertEquals(Optional.empty(), keys.find("forged-key-id"));
    }

    @Test
    void aRotationLogsNobodyOut() {
        stub.put(SECRET, secret('a'));
        AccessTokens before = new AccessTokens(new SecretsManagerSigningKeys(client, SECRET, clock), "i", "a", clock);
        String issuedBefore = before.issue("u-1", List.of());

        String next = stub.put(SECRET, secret('b'));
        SecretsManagerSigningKeys keys = new SecretsManagerSigningKeys(client, SECRET, clock);
        AccessTokens after = new AccessTokens(keys, "i", "a", clock);

        assertEquals(next, keys.current().kid());
        assertEquals("u-1", after.verify(issuedBefore).subject(), "the previous version still verifies");
        clock.advance(SecretsManagerSigningKeys.MIN_REFRESH_INTERVAL);
        assertEquals("u-1", before.verify(after.issue("u-1", List.of())).subject(),
                "an environment started before the rotation learns the new key id when it first sees it");
    }

    @Test
    void rereadsWhenItsCopyIsOldAndForUnknownKeyIdsAtMostEveryTenSeconds() {
        stub.put(SECRET, secret('a'));
        SecretsManagerSigningKeys keys = new SecretsManagerSigningKeys(client, SECRET, clock);
        int atStart = stub.calls();

        clock.advance(SecretsManagerSigningKeys.MIN_REFRESH_INTERVAL);
        for (int i = 0; i < 50; i++) {
            keys.find("forged-" + i);
        }
        assertEquals(atStart + 2, stub.calls(), "one re-read (current and previous) for fifty forged key ids");
        for (int i = 0; i < 50; i++) {
            keys.find("forged-again-" + i);
        }
        assertEquals(atStart + 2, stub.calls(), "and none within the next ten seconds");

        String next = stub.put(SECRET, secret('b'));
        clock.advance(SecretsManagerSigningKeys.MAX_AGE);
        assertEquals(next, keys.current().kid(), "a copy older than the maximum age is read again");
    }

    @Test
    void aColdStartReadsOnlyTheCurrentVersionAndThePreviousWhenATokenFirstNamesIt() {
        String previous = stub.put(SECRET, secret('a'));
        stub.put(SECRET, secret('b'));
        int before = stub.calls();
        SecretsManagerSigningKeys keys = new SecretsManagerSigningKeys(client, SECRET, clock);
        assertEquals(before + 1, stub.calls(), "one call on the cold start: AWSCURRENT");

        assertTrue(keys.find(previous).isPresent(), "a token signed before the rotation, right after a cold start");
        assertEquals(before + 2, stub.calls(), "AWSPREVIOUS read when first named");
        keys.find(previous);
        keys.find("forged");
        assertEquals(before + 2, stub.calls(), "and not again within ten seconds, whatever key ids are named");
    }

    @Test
    void refusesASecretShorterThan256Bits() {
        stub.put(SECRET, "too-short");
        assertThrows(IllegalArgumentException.class, () -> new SecretsManagerSigningKeys(client, SECRET, clock));
    }
}
