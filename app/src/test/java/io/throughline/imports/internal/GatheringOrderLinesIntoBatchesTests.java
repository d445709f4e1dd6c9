package io.throughline.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.imports.ImportLineError;
import io.throughline.platform.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatheringOrderLinesIntoBatchesTests {

    private static final Instant AT = Instant.parse("2011-02-01T11:19:00Z");

    @Test
    void anOrderWhoseLinesAreSplitByAnotherOrderIsOneDocumentWithAllItsLines() {
        BatchGathering gathering = new BatchGathering(100, 10, true);
        gathering.take(line(2, "542806", false));
        gathering.take(line(3, "542806", false));
        gathering.take(line(4, "C542805", true));
        gathering.take(line(5, "542806", false));

        BatchGathering.Batch batch = gathering.rest(5);

        assertThat(batch.documents()).extracting(Document::number).containsExactly("542806", "C542805");
        assertThat(batch.documents().getFirst().lines()).extracting(ImportedLine::line).containsExactly(2L, 3L, 5L);
        assertThat(batch.settled()).isEqualTo(5);
    }

    @Test
    void aBatchIsCutBehindTheOrdersOfItsLastLinesSoThatTheirLaterLinesStillJoinThem() {
        BatchGathering gathering = new BatchGathering(4, 2, true);
        List<BatchGathering.Batch> batches = new ArrayList<>();
        String[] numbers = {"1", "1", "2", "3", "3", "2", "4", "4", "4", "5"};
        for (int i = 0; i < numbers.length; i++) {
            long line = i + 2;
            gathering.take(line(line, numbers[i], false));
            if (line == 4) {
                gathering.refuse(new ImportLineError(line, "quantity", "is not a whole number"));
            }
            BatchGathering.Batch batch = gathering.ready(line);
            if (batch != null) {
                batches.add(batch);
            }
        }
        batches.add(gathering.rest(numbers.length + 1));

        // The first cut comes at line 5 (four lines), holding back what the last two lines touched: order 2 started
        // at line 4 and order 3 at line 5, so the batch is settled up to line 3 and holds order 1 alone.
        assertThat(batches.getFirst().documents()).extracting(Document::number).containsExactly("1");
        assertThat(batches.getFirst().settled()).isEqualTo(3);
        assertThat(batches.getFirst().errors()).isEmpty();
        List<Document> all = batches.stream().flatMap(batch -> batch.documents().stream()).toList();
        assertThat(all).extracting(Document::number).containsExactly("1", "2", "3", "4", "5");
        assertThat(all.get(1).lines()).extracting(ImportedLine::line).containsExactly(4L, 7L);
        assertThat(batches.stream().flatMap(batch -> batch.errors().stream()).map(ImportLineError::line))
                .containsExactly(4L);
        for (int i = 1; i < batches.size(); i++) {
            long before = batches.get(i - 1).settled();
            assertThat(batches.get(i).settled()).isGreaterThanOrEqualTo(before);
            assertThat(batches.get(i).documents()).allSatisfy(document -> assertThat(document.firstLine())
                    .as("a document written after its batch's predecessor settled its lines").isGreaterThan(before));
        }
    }

    @Test
    void aFileOfNothingButBadLinesIsWrittenInBatchesOfErrorsAndAnOrderStopsGrowingAtItsLimit() {
        BatchGathering gathering = new BatchGathering(50, 5, true);
        int batches = 0;
        long line = 1;
        for (int i = 0; i < 1_000; i++) {
            gathering.refuse(new ImportLineError(++line, "time", "is empty"));
            BatchGathering.Batch batch = gathering.ready(line);
            if (batch != null) {
                batches++;
                assertThat(batch.errors()).hasSizeLessThanOrEqualTo(50);
            }
        }
        assertThat(batches).isBetween(19, 20);

        List<ImportLineError> reported = new ArrayList<>();
        for (int i = 0; i < BatchGathering.MAX_DOCUMENT_LINES + 3; i++) {
            gathering.take(line(++line, "EVERYTHING", false));
            BatchGathering.Batch batch = gathering.ready(line);
            if (batch != null) {
                reported.addAll(batch.errors());
            }
        }
        BatchGathering.Batch rest = gathering.rest(line);
        reported.addAll(rest.errors());
        assertThat(rest.documents()).singleElement()
                .satisfies(document -> assertThat(document.lines()).hasSize(BatchGathering.MAX_DOCUMENT_LINES));
        assertThat(reported.stream().filter(error -> error.field().equals("orderNumber"))).hasSize(3);
    }

    private static ImportedLine line(long line, String number, boolean returned) {
        return new ImportedLine(line, number, returned, AT.plusSeconds(line), "SKU-" + line, "GLASS", 1,
                new Money(100, "GBP"), false, "17850", null, "United Kingdom");
    }
}
