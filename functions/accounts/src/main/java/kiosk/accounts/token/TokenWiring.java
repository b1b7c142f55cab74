package kiosk.accounts.token;

import java.time.Clock;
import kiosk.shared.aws.AwsClients;
import kiosk.shared.config.Config;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The access tokens the no-argument constructors use, built once per execution environment on
 * first use: keys from the secret SIGNING_SECRET_ID names, issuer and audience from TOKEN_ISSUER
 * and TOKEN_AUDIENCE. Apart from AccountsWiring because the authorizer's package holds this
 * package and nothing else of accounts: no DynamoDB client, no password hasher.
 */
public final class TokenWiring {

    private TokenWiring() {
    }

    public static AccessTokens tokens() {
        return Tokens.TOKENS;
    }

    private static final class Tokens {
        static final AccessTokens TOKENS = build();

        private static AccessTokens build() {
            Config config = Config.fromEnvironment();
            SigningKeys keys = new SecretsManagerSigningKeys(AwsClients.build(SecretsManagerClient.builder(), config),
                    config.require("SIGNING_SECRET_ID"), Clock.systemUTC());
            return new AccessTokens(keys, config.require("TOKEN_ISSUER"), config.require("TOKEN_AUDIENCE"), Clock.systemUTC());
        }
    }
}
