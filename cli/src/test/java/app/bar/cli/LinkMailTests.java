package app.bar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code --to}'s addresses as the CLI checks them before a share exists (the server checks strictly after). */
class LinkMailTests {

    @Test
    void recipientsWhenDuplicatesIgnoringCaseAndBlanksThenEachAddressOnceInTheOrderGiven() {
        assertThat(LinkMail.recipients(List.of(" a@example.com", "B@example.com", "", "A@EXAMPLE.COM"), null))
                .containsExactly("a@example.com", "B@example.com");
    }

    @Test
    void recipientsWhenElevenAddressesThenRefused() {
        List<String> eleven = IntStream.range(0, 11).mapToObj(i -> "r" + i + "@example.com").toList();
        assertThatThrownBy(() -> LinkMail.recipients(eleven, null)).isInstanceOf(CliFailure.class)
                .hasMessageContaining("at most 10");
    }

    @Test
    void recipientsWhenAddressHasANameOrALineBreakThenRefusedWithoutTheControlCharacter() {
        assertThatThrownBy(() -> LinkMail.recipients(List.of("Bob <bob@example.com>"), null))
                .hasMessageContaining("not one plain address");
        assertThatThrownBy(() -> LinkMail.recipients(List.of("bob@example.com\nBcc: eve@example.com"), null))
                .hasMessageContaining("not one plain address").hasMessageNotContaining("\n");
    }

    @Test
    void recipientsWhenNoteTooLongOrWithoutToThenRefused() {
        assertThatThrownBy(() -> LinkMail.recipients(List.of("a@example.com"), "x".repeat(501)))
                .hasMessageContaining("--note");
        assertThatThrownBy(() -> LinkMail.recipients(null, "hello")).hasMessageContaining("--note goes with --to");
        assertThat(LinkMail.recipients(null, null)).isNull();
    }
}
