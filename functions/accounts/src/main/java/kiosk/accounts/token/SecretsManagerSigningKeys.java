package kiosk.accounts.token;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kiosk.shared.log.Log;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Signing keys from the SigningKeySecret of template.yaml: AWSCURRENT signs, AWSPREVIOUS is still
 * accepted, so rotating the secret logs nobody out. The versions' ids are the key ids.
 *
 * <p>A cold start reads AWSCURRENT alone: it signs nearly every token presented, and a read less
 * is a round trip less in every cold start. AWSPREVIOUS is read the first time a token names a key
 * id that is not the current one. Both are read again when the copy is older than {@link #MAX_AGE}
 * (so a rotation reaches every warm environment, and a SnapStart snapshot taken days ago re-reads
 * on restore), or when a token names a key id we do not know, at most once per
 * {@link #MIN_REFRESH_INTERVAL} so forged key ids cannot make us hammer Secrets Manager.
 */
public final class SecretsManagerSigningKeys implements SigningKeys {

    static final Duration MAX_AGE = Duration.ofMinutes(10);
    static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(10);

    /**
     * What was read: the keys accepted (the current one first, then the previous one once read and
     * if the secret has one), when the current one was read, and when Secrets Manager was last asked.
     */
    private record Loaded(List<SigningKey> accepted, boolean previousRead, Instant at, Instant lastRead) {
        SigningKey current() {
            return accepted.get(0);
        }
    }

    private final SecretsManagerClient secrets;
    private final String secretId;
    private final Clock clock;
    private volatile Loaded loaded;

    public SecretsManagerSigningKeys(SecretsManagerClient secrets, String secretId, Clock clock) {
        this.secrets = secrets;
        this.secretId = secretId;
        this.clock = clock;
        this.loaded = load(false);
    }

    @Override
    public SigningKey current() {
        return fresh().current();
    }

    /**
     * A known key id is looked up without a lock; only a read of Secrets Manager is serialised. If
     * Secrets Manager cannot be read, a token naming a key we do not know is refused (a 403, not an
     * authorizer error), and it is not asked again before {@link #MIN_REFRESH_INTERVAL}.
     */
    @Override
    public Optional<SigningKey> find(String kid) {
        Optional<SigningKey> key = lookup(fresh(), kid);
        return key.isPresent() ? key : findUnknown(kid);
    }

    private synchronized Optional<SigningKey> findUnknown(String kid) {
        Loaded keys = loaded;
        Optional<SigningKey> known = lookup(keys, kid);
        if (known.isPresent()) {
            return known; // read by the thread that held the lock before us
        }
        Instant now = clock.instant();
        try {
            if (Duration.between(keys.lastRead(), now).compareTo(MIN_REFRESH_INTERVAL) >= 0) {
                keys = load(true);
            } else if (!keys.previousRead()) {
                keys = new Loaded(withPrevious(keys.current()), true, keys.at(), now);
            } else {
                return Optional.empty();
            }
        } catch (SdkException e) {
            Log.warn("signing keys unreadable: an unknown key id is refused", "errorType", e.getClass().getName());
            loaded = new Loaded(keys.accepted(), true, keys.at(), now);
            return Optional.empty();
        }
        loaded = keys;
        return lookup(keys, kid);
    }

    /**
     * The keys, read again once older than {@link #MAX_AGE}. If that read fails the keys in hand
     * go on serving (a passing Secrets Manager fault must not refuse every signed-in request) and
     * the read is tried again after {@link #MIN_REFRESH_INTERVAL}.
     */
    private Loaded fresh() {
        Loaded now = loaded;
        Instant at = clock.instant();
        if (Duration.between(now.at(), at).compareTo(MAX_AGE) < 0
                || Duration.between(now.lastRead(), at).compareTo(MIN_REFRESH_INTERVAL) < 0) {
            return now;
        }
        synchronized (this) {
            now = loaded;
            if (Duration.between(now.lastRead(), at).compareTo(MIN_REFRESH_INTERVAL) < 0) {
                return now;
            }
            try {
                now = load(false);
            } catch (SdkException e) {
                Log.warn("signing keys unreadable: serving the keys read before", "errorType", e.getClass().getName());
                now = new Loaded(now.accepted(), now.previousRead(), now.at(), at);
            }
            loaded = now;
            return now;
        }
    }

    private static Optional<SigningKey> lookup(Loaded keys, String kid) {
        return keys.accepted().stream().filter(key -> key.kid().equals(kid)).findFirst();
    }

    private Loaded load(boolean withPrevious) {
        SigningKey current = key(secrets.getSecretValue(b -> b.secretId(secretId).versionStage("AWSCURRENT")));
        Instant now = clock.instant();
        return new Loaded(withPrevious ? withPrevious(current) : List.of(current), withPrevious, now, now);
    }

    /** The current key and, if the secret has a previous version, its key. */
    private List<SigningKey> withPrevious(SigningKey current) {
        try {
            return List.of(current, key(secrets.getSecretValue(b -> b.secretId(secretId).versionStage("AWSPREVIOUS"))));
        } catch (ResourceNotFoundException e) {
            // A secret never rotated has no previous version: only the current key is accepted.
            return List.of(current);
        }
    }

    private static SigningKey key(GetSecretValueResponse value) {
        if (value.secretString() == null) {
            throw new IllegalStateException("The signing secret has no string value.");
        }
        return new SigningKey(value.versionId(), value.secretString().getBytes(StandardCharsets.UTF_8));
    }
}
