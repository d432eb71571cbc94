package app.bar.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChatOriginTests {

    @Test
    void isOwnWhenSameOriginSpelledDifferentlyThenTrue() {
        assertThat(ChatOrigin.isOwn("https://BAR.example.com", "https://bar.example.com/")).isTrue();
        assertThat(ChatOrigin.isOwn("https://bar.example.com:443", "https://bar.example.com")).isTrue();
        assertThat(ChatOrigin.isOwn("http://localhost:8080", "http://localhost:8080")).isTrue();
    }

    @Test
    void isOwnWhenOtherSchemeHostPortOrNoOriginThenFalse() {
        assertThat(ChatOrigin.isOwn("http://bar.example.com", "https://bar.example.com")).isFalse();
        assertThat(ChatOrigin.isOwn("https://bar.example.com.evil.example", "https://bar.example.com")).isFalse();
        assertThat(ChatOrigin.isOwn("https://bar.example.com:8443", "https://bar.example.com")).isFalse();
        assertThat(ChatOrigin.isOwn("null", "https://bar.example.com")).isFalse();
        assertThat(ChatOrigin.isOwn(null, "https://bar.example.com")).isFalse();
        assertThat(ChatOrigin.isOwn("https://user@bar.example.com", "https://bar.example.com")).isFalse();
        assertThat(ChatOrigin.isOwn("javascript:alert(1)", "https://bar.example.com")).isFalse();
    }
}
