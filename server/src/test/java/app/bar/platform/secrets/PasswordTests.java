package app.bar.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

class PasswordTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Login(String email, Password password) {
    }

    @Test
    void toStringWhenInARecordThenNothingOfThePassword() {
        Login login = new Login("a@example.test", Password.of("Plover quartz lantern"));
        assertThat(login.toString()).doesNotContain("Plover").contains("Password[hidden]");
    }

    @Test
    void readWhenJsonStringThenTheSameCharacters() {
        Login login = JSON.readValue("{\"email\":\"a\",\"password\":\"p\\u00e4ss \\ud83d\\ude00\"}", Login.class);
        assertThat(login.password().toCharArray()).containsExactly("päss 😀".toCharArray());
        assertThat(login.password().codePointCount()).isEqualTo(6);
    }

    @Test
    void readWhenNotAStringThenMismatchNamingTheField() {
        assertThatThrownBy(() -> JSON.readValue("{\"password\": 12345}", Login.class))
                .isInstanceOfSatisfying(MismatchedInputException.class,
                        e -> assertThat(e.getPath().get(0).getPropertyName()).isEqualTo("password"));
    }

    @Test
    void toCharArrayWhenChangedThenThePasswordIsNot() {
        Password password = Password.of("abc");
        password.toCharArray()[0] = 'x';
        assertThat(password.equalsPassword(Password.of("abc"))).isTrue();
    }

    @Test
    void prefixWhenLongerThanAskedThenWholeCodePoints() {
        assertThat(Password.of("😀😀😀").prefix(2).toString()).isEqualTo("😀😀");
        assertThat(Password.of("ab").prefix(64).toString()).isEqualTo("ab");
    }

    @Test
    void equalsPasswordWhenDifferentThenFalse() {
        assertThat(Password.of("abc").equalsPassword(Password.of("abd"))).isFalse();
        assertThat(Password.of("abc").equalsPassword(Password.of("abcd"))).isFalse();
    }
}
