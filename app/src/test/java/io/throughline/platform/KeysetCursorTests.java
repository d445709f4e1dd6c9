package io.throughline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.throughline.platform.Keyset.Cursor;
import io.throughline.platform.Keyset.Slice;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeysetCursorTests {

    record Row(Instant at, UUID id) {}

    @Test
    void aCursorComesBackAsTheKeyItWasMadeFrom() {
        Cursor cursor = new Cursor(Instant.parse("2026-12-07T12:00:00.123456Z"), UUID.randomUUID());

        assertThat(Cursor.parse("after", cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void aCursorThatIsNotOursIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> Cursor.parse("after", "bm90LWEtY3Vyc29y"))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        refused -> assertThat(refused.field()).isEqualTo("after"));
    }

    @Test
    void theExtraRowFetchedSaysAnotherPageFollowsAndIsNotShown() {
        List<Row> rows = List.of(row(3), row(2), row(1));

        Slice<Row> page = Keyset.slice(rows, 2, r -> new Cursor(r.at(), r.id()));
        Slice<Row> last = Keyset.slice(rows.subList(2, 3), 2, r -> new Cursor(r.at(), r.id()));

        assertThat(page.items()).containsExactly(rows.get(0), rows.get(1));
        assertThat(Cursor.parse("after", page.next())).isEqualTo(new Cursor(rows.get(1).at(), rows.get(1).id()));
        assertThat(last.next()).isNull();
    }

    private static Row row(int second) {
        return new Row(Instant.ofEpochSecond(1_800_000_000L + second), UUID.randomUUID());
    }
}
