package kiosk.accounts.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kiosk.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The attack list against access tokens: each forged or stale token is refused. */
class AccessTokensTest {

    private static final String ISS = "urn:kiosk:test";
    private static final String AUD = "urn:kiosk:test:api";
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private final SigningKey key = SigningKeys.generate("k1");
    private final MutableClock clock = new MutableClock(NOW);
    private final AccessTokens tokens = new AccessTokens(SigningKeys.of(key), ISS, AUD, clock);

    private String payload(long iat, long exp) {
        return "{\"iss\":\"" + ISS + "\",\"aud\":\"" + AUD + "\",\"sub\":\"u-1\",\"roles\":[\"admin\"],\"iat\":" + iat
                + ",\"nbf\":" + iat + ",\"exp\":" + exp + ",\"jti\":\"j-1\"}";
    }

    private String validPayload() {
        return payload(NOW.getEpochSecond(), NOW.getEpochSecond() + 900);
    }

    private void assertRefused(String token, String reason) {
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> tokens.verify(token));
        assertEquals(reason, e.reason());
    }

    @Test
    void issuesATokenThatVerifiesWithEveryClaim() {
        String token = tokens.issue("u-1", List.of("admin"));
        Claims claims = tokens.verify(token);
        assertEquals("u-1", claims.subject());
        assertEquals(List.of("admin"), claims.roles());
        assertEquals(NOW.getEpochSecond() + 900, claims.expiresAt());
        String payload = Forge.payloadOf(token);
        for (String claim : List.of("\"iss\":", "\"aud\":", "\"sub\":", "\"iat\":", "\"exp\":", "\"jti\":", "\"roles\":")) {
            assertTrue(payload.contains(claim), claim + " in " + payload);
        }
        String header = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        assertEquals("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}", header);
    }

    @Test
    void eachTokenHasItsOwnId() {
        assertTrue(!tokens.verify(tokens.issue("u", List.of())).id().equals(tokens.verify(tokens.issue("u", List.of())).id()));
    }

    @Test
    void refusesAChangedPayload() {
        String[] parts = tokens.issue("u-1", List.of()).split("\\.");
        String forged = parts[0] + "." + Forge.b64(Forge.payloadOf(parts[0] + "." + parts[1]).replace("[]", "[\"admin\"]"))
                + "." + parts[2];
        assertRefused(forged, "bad signature");
    }

    @Test
    void refusesAlgNoneWithAndWithoutASignature() {
        String unsigned = Forge.b64("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"k1\"}") + "." + Forge.b64(validPayload());
        assertRefused(unsigned + ".", "not a compact JWS");
        assertRefused(unsigned + ".c2ln", "algorithm none");
        String noneUpper = Forge.b64("{\"alg\":\"NONE\",\"kid\":\"k1\"}") + "." + Forge.b64(validPayload()) + ".c2ln";
        assertRefused(noneUpper, "algorithm NONE");
    }

    @Test
    void refusesASwitchedAlgorithmEvenSignedWithOurKey() throws Exception {
        assertRefused(Forge.hmac("HmacSHA512", key.secret(), "{\"alg\":\"HS512\",\"typ\":\"JWT\",\"kid\":\"k1\"}",
                validPayload()), "algorithm HS512");
        assertRefused(Forge.hmac("HmacSHA256", key.secret(), "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}",
                validPayload()), "algorithm RS256");
    }

    @Test
    void refusesATokenSignedWithAnotherKeyUnderOurKeyId() throws Exception {
        assertRefused(Forge.hmac("HmacSHA256", SigningKeys.generate("k1").secret(),
                "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}", validPayload()), "bad signature");
    }

    @Test
    void refusesAnUnknownOrMissingKeyId() throws Exception {
        assertRefused(Forge.hmac("HmacSHA256", key.secret(), "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"k2\"}",
                validPayload()), "unknown key id");
        assertRefused(Forge.hmac("HmacSHA256", key.secret(), "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", validPayload()),
                "no key id");
    }

    @Test
    void refusesExtraHeaderMembersSuchAsAnEmbeddedKey() throws Exception {
        assertRefused(Forge.hmac("HmacSHA256", key.secret(),
                "{\"alg\":\"HS256\",\"kid\":\"k1\",\"jwk\":\"x\"}", validPayload()), "unexpected header member");
        assertRefused(Forge.hmac("HmacSHA256", key.secret(),
                "{\"alg\":\"HS256\",\"kid\":\"k1\",\"crit\":[\"exp\"]}", validPayload()), "unexpected header member");
    }

    @Test
    void refusesAnExpiredTokenOnceTheSkewIsUsedUp() {
        String token = tokens.issue("u-1", List.of());
        clock.advance(Duration.ofSeconds(900 + AccessTokens.CLOCK_SKEW_SECONDS - 1));
        assertEquals("u-1", tokens.verify(token).subject());
        clock.advance(Duration.ofSeconds(1));
        assertRefused(token, "expired");
    }

    @Test
    void refusesATokenNotYetValid() throws Exception {
        long later = NOW.getEpochSecond() + 120;
        String payload = "{\"iss\":\"" + ISS + "\",\"aud\":\"" + AUD + "\",\"sub\":\"u-1\",\"iat\":" + NOW.getEpochSecond()
                + ",\"nbf\":" + later + ",\"exp\":" + (NOW.getEpochSecond() + 900) + ",\"jti\":\"j\"}";
        assertRefused(Forge.hmac("HmacSHA256", key.secret(), "{\"alg\":\"HS256\",\"kid\":\"k1\"}", payload),
                "not yet valid");
        assertRefused(Forge.hmac("HmacSHA256", key.secret(), "{\"alg\":\"HS256\",\"kid\":\"k1\"}",
                payload(later, later + 900)), "issued in the future");
    }

    @Test
    void refusesAWrongIssuerOrAudience() throws Exception {
        String header = "{\"alg\":\"HS256\",\"kid\":\"k1\"}";
        assertRefused(Forge.hmac("HmacSHA256", key.secret(), header, validPayload().replace(ISS + "\"", "urn:evil\"")),
                "issuer");
        assertRefused(Forge.hmac("HmacSHA256", key.secret(), header,
                validPayload().replace("\"" + AUD + "\"", "\"urn:kiosk:test:other\"")), "audience");
        assertEquals("u-1", tokens.verify(Forge.hmac("HmacSHA256", key.secret(), header,
                validPayload().replace("\"" + AUD + "\"", "[\"x\",\"" + AUD + "\"]"))).subject());
    }

    @Test
    void refusesPayloadsOfTheWrongShape() throws Exception {
        String header = "{\"alg\":\"HS256\",\"kid\":\"k1\"}";
        assertRefused(Forge.hmac("HmacSHA256", key.secret(), header, validPayload().replace("\"sub\":\"u-1\",",
                "\"sub\":\"u-1\",\"sub\":\"u-2\",")), "malformed JSON");
        assertRefused(Forge.hmac("HmacSHA256", key.secret(), header, validPayload().replace("\"sub\":\"u-1\"",
                "\"sub\":{\"id\":\"u-1\"}")), "member sub");
        assertRefused(Forge.hmac("HmacSHA256", key.secret(), header,
                validPayload().replace("\"exp\":" + (NOW.getEpochSecond() + 900), "\"exp\":1.9e12")), "member exp");
        assertRefused(Forge.hmac("HmacSHA256", key.secret(), header, validPayload().replace(",\"jti\":\"j-1\"", "")),
                "no token id");
        assertRefused(Forge.hmac("HmacSHA256", key.secret(), header, "[1]"), "not a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "a.b", "a..c", ".b.c", "a.b.c.d", "a.b.", "e30=.e30=.c2ln", "e30.e30.c2ln!",
            "e30.e30 .c2ln"})
    void refusesStringsThatAreNoCompactJws(String token) {
        assertThrows(InvalidTokenException.class, () -> tokens.verify(token));
    }

    @Test
    void refusesAVeryLongToken() {
        assertRefused("a".repeat(AccessTokens.MAX_TOKEN_CHARS + 1), "absent or oversized");
    }

    @Test
    void acceptsTokensOfThePreviousKeyDuringARotation() {
        SigningKey next = SigningKeys.generate("k2");
        String oldToken = tokens.issue("u-1", List.of());
        AccessTokens rotated = new AccessTokens(SigningKeys.of(next, key), ISS, AUD, clock);
        assertEquals("u-1", rotated.verify(oldToken).subject());
        assertTrue(rotated.issue("u-1", List.of()).startsWith(Forge.b64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"k2\"}")));
        AccessTokens retired = new AccessTokens(SigningKeys.of(next), ISS, AUD, clock);
        assertThrows(InvalidTokenException.class, () -> retired.verify(oldToken));
    }

    @Test
    void refusesAMalformedSignatureWithoutThrowingAnythingElse() {
        String token = tokens.issue("u-1", List.of());
        String signingInput = token.substring(0, token.lastIndexOf('.'));
        String signature = token.substring(token.lastIndexOf('.') + 1);
        assertRefused(signingInput + "." + signature.substring(0, 41), "not base64url");
        assertRefused(signingInput + "." + "A".repeat(42), "bad signature");
        assertRefused(signingInput + "." + signature + "AAAA", "bad signature");
        assertRefused(signingInput + ".A", "not base64url");
        assertRefused(signingInput + ".AB", "not canonical base64url");
    }

    @Test
    void refusesEverySpellingOfASignatureButTheCanonicalOne() {
        String token = tokens.issue("u-1", List.of());
        char last = token.charAt(token.length() - 1);
        // 32 bytes take 43 characters with two bits unused: four characters decode to the same bytes.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int index = alphabet.indexOf(last);
        int variants = 0;
        for (int low = 0; low < 4; low++) {
            char other = alphabet.charAt(index & ~3 | low);
            if (other != last) {
                variants++;
                assertRefused(token.substring(0, token.length() - 1) + other, "not canonical base64url");
            }
        }
        assertEquals(3, variants);
        assertEquals("u-1", tokens.verify(token).subject());
    }

    @Test
    void refusesNonCanonicalHeaderAndPayloadSegments() throws Exception {
        String token = Forge.hmac("HmacSHA256", key.secret(), "{\"alg\":\"HS256\",\"kid\":\"k1\"}", validPayload());
        String[] parts = token.split("\\.");
        // {"alg":"HS256","kid":"k1"} is 26 bytes: its last base64url character has two unused bits.
        String header = parts[0];
        char last = header.charAt(header.length() - 1);
        String tweaked = header.substring(0, header.length() - 1) + (char) (last + 1);
        String forged = Forge.sign("HmacSHA256", key.secret(), tweaked + "." + parts[1]);
        assertRefused(forged, "not canonical base64url");
    }

    @Test
    void refusesATokenThatLivesLongerThanWeIssueThem() throws Exception {
        String header = "{\"alg\":\"HS256\",\"kid\":\"k1\"}";
        long iat = NOW.getEpochSecond();
        long longest = AccessTokens.LIFETIME_SECONDS + AccessTokens.CLOCK_SKEW_SECONDS;
        assertEquals("u-1", tokens.verify(Forge.hmac("HmacSHA256", key.secret(), header, payload(iat, iat + longest)))
                .subject());
        assertRefused(Forge.hmac("HmacSHA256", key.secret(), header, payload(iat, iat + longest + 1)), "lifetime");
        assertRefused(Forge.hmac("HmacSHA256", key.secret(), header, payload(iat, iat + 365L * 86400)), "lifetime");
        // exp - iat must not overflow into a short, negative lifetime.
        assertRefused(Forge.hmac("HmacSHA256", key.secret(), header, payload(-5_000_000_000_000_000_000L,
                5_000_000_000_000_000_000L)), "lifetime");
        assertRefused(Forge.hmac("HmacSHA256", key.secret(), header, payload(Long.MIN_VALUE, iat + 900)), "lifetime");
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin,customer", "Admin", "", "a b", "r\u00f4le", "x\\u002cy"})
    void refusesRoleNamesThatCouldSplitOrDisguise(String role) throws Exception {
        String payload = validPayload().replace("[\"admin\"]", "[\"" + role + "\"]");
        assertRefused(Forge.hmac("HmacSHA256", key.secret(), "{\"alg\":\"HS256\",\"kid\":\"k1\"}", payload),
                "role name");
    }

    @Test
    void carriesTheIssueInstantToTheMillisecondAndRefusesOneThatDisagreesWithIat() throws Exception {
        java.time.Instant at = NOW.plusMillis(437);
        Claims claims = tokens.verify(tokens.issue("u-1", java.util.List.of(), "s-1", at));
        assertEquals(at.getEpochSecond(), claims.issuedAt());
        assertEquals(at.toEpochMilli(), claims.issuedAtMillis());
        String header = "{\"alg\":\"HS256\",\"kid\":\"k1\"}";
        long iat = NOW.getEpochSecond();
        String older = payload(iat, iat + 900);
        assertEquals(iat * 1000, tokens.verify(Forge.hmac("HmacSHA256", key.secret(), header, older)).issuedAtMillis(),
                "a token from before iat_ms: the start of its second");
        for (String wrong : java.util.List.of("" + (iat * 1000 - 1), "" + (iat * 1000 + 1000), "\"1\"")) {
            String payload = older.substring(0, older.length() - 1) + ",\"iat_ms\":" + wrong + "}";
            assertRefused(Forge.hmac("HmacSHA256", key.secret(), header, payload), "iat in milliseconds");
        }
        String fraction = older.substring(0, older.length() - 1) + ",\"iat_ms\":" + iat * 1000 + ".5}";
        assertThrows(InvalidTokenException.class, () -> tokens.verify(Forge.hmac("HmacSHA256", key.secret(), header, fraction)));
    }
}
