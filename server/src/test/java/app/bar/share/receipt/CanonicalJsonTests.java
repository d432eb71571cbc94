package app.bar.share.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signed form of a receipt: RFC 8785 canonical JSON of a flat object of strings and integers. */
class CanonicalJsonTests {

    @Test
    void ofWhenMembersInAnyOrderThenSortedByNameWithoutWhiteSpace() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("viewsUsed", 2);
        members.put("kid", "rk-1");
        members.put("createdAt", "2026-12-04T17:05:09Z");
        members.put("version", 1L);
        assertThat(CanonicalJson.of(members))
                .isEqualTo("{\"createdAt\":\"2026-12-04T17:05:09Z\",\"kid\":\"rk-1\",\"version\":1,\"viewsUsed\":2}");
    }

    @Test
    void ofWhenStringNeedsEscapesThenJsonsMinimalOnesAndLowercaseUnicodeEscapes() {
        assertThat(CanonicalJson.of(Map.of("a", "q\"b\\n\n\u0001é€")))
                .isEqualTo("{\"a\":\"q\\\"b\\\\n\\n\\u0001é€\"}");
    }

    @Test
    void ofWhenValueNeitherStringNorIntegerThenRefused() {
        assertThatThrownBy(() -> CanonicalJson.of(Map.of("x", 1.5))).isInstanceOf(IllegalArgumentException.class);
    }
}
