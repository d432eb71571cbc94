package app.bar.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.TestHttp;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Second factors in tests, over real HTTP: an authenticator app set up the way a user does it
 * (the secret from the answer, the code computed here from it, as a phone would), and the
 * second sign-in step.
 */
public final class SecondFactorFixtures {

    private final TestHttp http;
    private final Clock clock;

    SecondFactorFixtures(TestHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** An authenticator app: the secret a user scanned, and its codes. */
    record App(byte[] secret, List<String> recoveryCodes) {
        String codeAt(long step) {
            return Totp.code(secret, step);
        }
    }

    /** Sets up an authenticator for the signed-in session (confirmed with the current step's code). */
    App enrol(AccountFixtures.Session session) {
        HttpResponse<String> setup = http.postJson("/api/account/mfa/totp", "{}", session.cookieAndCsrfHeaders());
        assertThat(setup.statusCode()).as(setup.body()).isEqualTo(200);
        byte[] secret = base32(TestHttp.json(setup).get("secret").asString());
        HttpResponse<String> confirmed = http.postJson("/api/account/mfa/totp/confirm",
                TestHttp.map("code", Totp.code(secret, currentStep())), session.cookieAndCsrfHeaders());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        return new App(secret, strings(TestHttp.json(confirmed).get("recoveryCodes")));
    }

    /**
     * An authenticator set up for {@code accountId} straight through the service (for a context
     * where the account cannot sign in with its password to do it over HTTP): answers the base32
     * secret; the recovery codes are dropped.
     */
    public static String enrolDirectly(org.springframework.context.ApplicationContext context, String accountId) {
        SecondFactors factors = context.getBean(SecondFactors.class);
        Account account = context.getBean(AccountRepository.class).findById(accountId).orElseThrow();
        String secret = factors.beginTotp(account).secret();
        factors.confirmTotp(accountId, code(secret, context.getBean(Clock.class).instant(), 0), "code");
        return secret;
    }

    /** The code an authenticator app shows for a base32 secret at {@code instant} plus {@code steps} steps. */
    public static String code(String base32Secret, java.time.Instant instant, int steps) {
        return Totp.code(base32(base32Secret.replace(" ", "")), Totp.step(instant) + steps);
    }

    long currentStep() {
        return Totp.step(clock.instant());
    }

    /** Signs in with the password and answers the second step's token (asserting the 202). */
    String passwordStep(AccountFixtures.TestAccount account) {
        HttpResponse<String> response = http.postJson("/api/auth/login",
                TestHttp.map("email", account.email(), "password", account.password()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return TestHttp.json(response).get("mfaToken").asString();
    }

    HttpResponse<String> code(String mfaToken, String code) {
        return http.postJson("/api/auth/mfa", TestHttp.map("mfaToken", mfaToken, "code", code));
    }

    HttpResponse<String> recoveryCode(String mfaToken, String code) {
        return http.postJson("/api/auth/mfa", TestHttp.map("mfaToken", mfaToken, "recoveryCode", code));
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asString()));
        return values;
    }

    /** RFC 4648 base32 (what authenticator apps read), decoded independently of {@link Totp#base32}. */
    static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String clean = text.replace("=", "").toUpperCase(Locale.ROOT);
        byte[] out = new byte[clean.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : clean.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
