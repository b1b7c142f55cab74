package kiosk.accounts.token;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Signing keys from the SigningKeySecret of template.yaml: AWSCURRENT signs, AWSPREVIOUS is still
 * accepted, so rotating the secret logs nobody out. The versions' ids are the key ids.
 *
 * <p>Read once when the execution environment starts, then again only when the copy is older than
 * {@link #MAX_AGE} (so a rotation reaches every warm environment, and a SnapStart snapshot taken
 * days ago re-reads on restore), or when a token names a key id we do not know, at most once per
 * {@link #MIN_REFRESH_INTERVAL} so forged key ids cannot make us hammer Secrets Manager.
 */
public final class SecretsManagerSigningKeys implements SigningKeys {

    static final Duration MAX_AGE = Duration.ofMinutes(10);
    static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(10);

    private record Loaded(SigningKey current, List<SigningKey> accepted, Instant at) {
    }

    private final SecretsManagerClient secrets;
    private final String secretId;
    private final Clock clock;
    private volatile Loaded loaded;

    public SecretsManagerSigningKeys(SecretsManagerClient secrets, String secretId, Clock clock) {
        this.secrets = secrets;
        this.secretId = secretId;
        this.clock = clock;
        this.loaded = load();
    }

    @Override
    public SigningKey current() {
        return fresh().current();
    }

    @Override
    public Optional<SigningKey> find(String kid) {
        Optional<SigningKey> key = lookup(fresh(), kid);
        if (key.isEmpty() && Duration.between(loaded.at(), clock.instant()).compareTo(MIN_REFRESH_INTERVAL) >= 0) {
            loaded = load();
            key = lookup(loaded, kid);
        }
        return key;
    }

    private Loaded fresh() {
        Loaded now = loaded;
        if (Duration.between(now.at(), clock.instant()).compareTo(MAX_AGE) >= 0) {
            now = load();
            loaded = now;
        }
        return now;
    }

    private static Optional<SigningKey> lookup(Loaded keys, String kid) {
        for (SigningKey key : keys.accepted()) {
            if (key.kid().equals(kid)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    private Loaded load() {
        SigningKey current = key(secrets.getSecretValue(b -> b.secretId(secretId).versionStage("AWSCURRENT")));
        List<SigningKey> accepted = new ArrayList<>(List.of(current));
        try {
            accepted.add(key(secrets.getSecretValue(b -> b.secretId(secretId).versionStage("AWSPREVIOUS"))));
        } catch (ResourceNotFoundException e) {
            // A secret never rotated has no previous version: only the current key is accepted.
        }
        return new Loaded(current, List.copyOf(accepted), clock.instant());
    }

    private static SigningKey key(GetSecretValueResponse value) {
        if (value.secretString() == null) {
            throw new IllegalStateException("The signing secret has no string value.");
        }
        return new SigningKey(value.versionId(), value.secretString().getBytes(StandardCharsets.UTF_8));
    }
}
