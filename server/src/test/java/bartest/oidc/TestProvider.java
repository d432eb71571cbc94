package bartest.oidc;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A real OpenID Connect provider for the single sign-on tests: Spring Authorization Server in a
 * small application of its own (not a Spring Boot application, so none of BAR's configuration
 * or auto-configuration reaches it) on a random port of 127.0.0.1, reached as {@code localhost}
 * so that it is another site than BAR at {@code 127.0.0.1} (the callback is a cross-site
 * navigation, as in production). It signs users in with its own login form and puts
 * {@code email}, {@code email_verified}, {@code name} and {@code groups} in the ID token.
 * Users are added by the tests ({@link #addUser}), each test its own.
 */
public final class TestProvider implements AutoCloseable {

    public static final String CLIENT_ID = "bar-test";
    public static final String CLIENT_SECRET = "bar-test-secret-of-some-length";
    public static final String PASSWORD = "provider-password";

    private final AnnotationConfigServletWebServerApplicationContext context;
    private final Users users;

    private TestProvider(String redirectUri) {
        context = new AnnotationConfigServletWebServerApplicationContext();
        users = new Users();
        context.registerBean(Users.class, () -> users);
        context.registerBean("barRedirectUri", String.class, () -> redirectUri);
        context.register(ProviderConfiguration.class);
        context.refresh();
    }

    /** Starts a provider whose one client is BAR with {@code redirectUri} as its callback. */
    public static TestProvider start(String redirectUri) {
        return new TestProvider(redirectUri);
    }

    /** {@code http://localhost:<port>}: the issuer, as BAR is configured with it. */
    public String issuer() {
        return "http://localhost:" + context.getWebServer().getPort();
    }

    /** A user who signs in with {@link #PASSWORD}; the claims of their ID tokens (again: new claims from the next sign-in). */
    public void addUser(String username, String email, boolean emailVerified, List<String> groups) {
        users.claims.put(username, Map.of("email", email, "email_verified", emailVerified, "name", username,
                "groups", groups));
        if (!users.details.userExists(username)) {
            users.details.createUser(User.withUsername(username).password("{noop}" + PASSWORD).roles("USER").build());
        }
    }

    @Override
    public void close() {
        context.close();
    }

    /** The users and the claims of each. */
    static final class Users {
        final InMemoryUserDetailsManager details = new InMemoryUserDetailsManager();
        final Map<String, Map<String, Object>> claims = new ConcurrentHashMap<>();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class ProviderConfiguration {

        @Bean
        TomcatServletWebServerFactory webServerFactory() throws UnknownHostException {
            TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
            factory.setAddress(InetAddress.getByName("127.0.0.1"));
            factory.setRegisterDefaultServlet(true); // filters run only for a mapped servlet: every endpoint here is a filter
            return factory;
        }

        /** The chain as the servlet container's filter (no Spring Boot auto-configuration registers it here). */
        @Bean
        DelegatingFilterProxyRegistrationBean securityFilterRegistration() {
            return new DelegatingFilterProxyRegistrationBean("springSecurityFilterChain");
        }

        @Bean
        SecurityFilterChain provider(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(as -> as.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService userDetailsService(Users users) {
            return users.details;
        }

        @Bean
        RegisteredClientRepository clients(String barRedirectUri) {
            return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(barRedirectUri)
                    .postLogoutRedirectUri(java.net.URI.create(barRedirectUri).resolve("/login").toString())
                    .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                    .build());
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims(Users users) {
            return context -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    Map<String, Object> claims = users.claims.get(context.getPrincipal().getName());
                    if (claims != null) {
                        context.getClaims().claims(c -> c.putAll(claims));
                    }
                }
            };
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings() {
            return AuthorizationServerSettings.builder().build(); // issuer from the request: http://localhost:<port>
        }

        @Bean
        KeyPair keyPair() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }

        @Bean
        JWKSource<SecurityContext> jwkSource(KeyPair keyPair) {
            RSAKey key = new RSAKey.Builder((RSAPublicKey) keyPair.getPublic()).privateKey((RSAPrivateKey) keyPair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        @Bean
        JwtDecoder jwtDecoder(KeyPair keyPair) {
            return NimbusJwtDecoder.withPublicKey((RSAPublicKey) keyPair.getPublic()).build();
        }
    }
}
