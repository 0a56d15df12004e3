package se.esam.lifecycle.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.nimbusds.jose.JOSEObjectType;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OpenID Connect provider in the test's JVM (NAV's mock-oauth2-server on a free port of its own):
 * discovery document, keys, authorization and token endpoints, end of session. It signs the tokens the
 * tests ask for with its own keys, as a real provider would.
 * <p>
 * Keep it in a static field and register it as an extension: it starts at once, because Spring reads the
 * discovery document while the context starts, and stops after the test class.
 */
public final class TestOidcProvider implements AfterAllCallback {

    public static final String CLIENT_ID = "guidance-lifecycle";

    private static final String ISSUER_ID = "esam";

    private final MockOAuth2Server server;

    private TestOidcProvider(boolean loginPage) {
        // no token mappings: each test says whom it signs in (a catch-all mapping would change the ID token's audience)
        server = new MockOAuth2Server(new OAuth2Config(loginPage));
        server.start();
    }

    /** Signs in, without a page, whoever the next authorization request is for ({@link Token#forNextSignIn()}). */
    public static TestOidcProvider started() {
        return new TestOidcProvider(false);
    }

    /** Shows its login page to browsers: a user name, and the token's further claims as JSON. */
    public static TestOidcProvider withLoginPage() {
        return new TestOidcProvider(true);
    }

    /** Call from the test class's {@code @DynamicPropertySource}: what config/application-oidc.yaml reads. */
    public void configure(DynamicPropertyRegistry registry) {
        registry.add("OIDC_ISSUER_URI", this::issuer);
        registry.add("OIDC_CLIENT_ID", () -> CLIENT_ID);
        registry.add("OIDC_CLIENT_SECRET", () -> "not-checked-by-the-mock");
    }

    public String issuer() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    /** The same server and issuer path named by IP address: the provider's keys, but not its issuer name. */
    public String issuerByAddress() {
        return server.issuerUrl(ISSUER_ID)
                .newBuilder()
                .host("127.0.0.1")
                .build()
                .toString();
    }

    public String endSessionEndpoint() {
        return server.endSessionEndpointUrl(ISSUER_ID).toString();
    }

    /** A token for this person: sub and preferred_username are the user, valid for an hour, for this client. */
    public Token token(String user) {
        return new Token(user);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.shutdown();
    }

    /** A token to be: claims, audience, validity and issuer can be set before it is signed. */
    public final class Token {

        private final String user;
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private String audience = CLIENT_ID;
        private Duration validity = Duration.ofHours(1);
        private String issuer;

        private Token(String user) {
            this.user = user;
            claims.put("preferred_username", user);
        }

        public Token with(String claim, Object value) {
            claims.put(claim, value);
            return this;
        }

        public Token without(String claim) {
            claims.remove(claim);
            return this;
        }

        public Token audience(String audience) {
            this.audience = audience;
            return this;
        }

        /** Signed correctly, but its time ran out an hour ago. */
        public Token expiredAnHourAgo() {
            validity = Duration.ofHours(-1);
            return this;
        }

        /** Signed with the provider's own key, but naming another issuer. */
        public Token issuedAs(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** The signed token, as an API client would send it after "Bearer ". */
        public String serialize() {
            if (issuer == null) {
                return server.issueToken(ISSUER_ID, CLIENT_ID, callback()).serialize();
            }
            Map<String, Object> all = new LinkedHashMap<>(claims);
            all.put("sub", user);
            all.put("aud", List.of(audience));
            return server.anyToken(okhttp3.HttpUrl.get(issuer), all, validity).serialize();
        }

        /** The next authorization code flow signs this person in with these claims (ID and access token). */
        public void forNextSignIn() {
            server.enqueueCallback(callback());
        }

        private DefaultOAuth2TokenCallback callback() {
            return new DefaultOAuth2TokenCallback(
                    ISSUER_ID,
                    user,
                    JOSEObjectType.JWT.getType(),
                    List.of(audience),
                    Map.copyOf(claims),
                    validity.toSeconds());
        }
    }
}
