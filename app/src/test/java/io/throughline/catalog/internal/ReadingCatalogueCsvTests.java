package io.throughline.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.throughline.catalog.Attribute;
import io.throughline.platform.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingCatalogueCsvTests {

    @Test
    void cellsAreSplitIntoTypedFieldsWithTheLineEachRowStartsOn() {
        String csv = """
                sku,name,gtin,category,description,attributes,image_url,channels
                TCA-1,Tokaji Furmint,4006381333931,Wines/White/Furmint,"Two
                lines",vintage=2022;bottle=750 ml,https://img.example/1.jpg,web; app
                TCA-2,Tokaji Hárslevelű,,,,,,
                """;
        List<CsvProductRows.Parsed> rows = parse(csv);

        assertThat(rows).hasSize(2);
        var first = ((CsvProductRows.Row) rows.get(0)).row();
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.description()).isEqualTo("Two\nlines");
        assertThat(first.attributes()).containsExactly(new Attribute("vintage", "2022"), new Attribute("bottle", "750 ml"));
        assertThat(first.channels()).containsExactly("web", "app");
        assertThat(first.categoryPaths()).containsExactly("Wines/White/Furmint");
        var second = ((CsvProductRows.Row) rows.get(1)).row();
        assertThat(second.line()).isEqualTo(4);
        assertThat(second.gtin()).isNull();
        assertThat(second.imageUrl()).isNull();
    }

    @Test
    void aRowWithTheWrongNumberOfCellsOrABadAttributeIsRefusedByLine() {
        List<CsvProductRows.Parsed> rows = parse("sku,name,attributes\nA,Alpha,vintage\nB,Beta,x=1,extra\nC,Gamma,\n");

        assertThat(((CsvProductRows.Refused) rows.get(0)).error().line()).isEqualTo(2);
        assertThat(((CsvProductRows.Refused) rows.get(0)).error().field()).isEqualTo("attributes");
        assertThat(((CsvProductRows.Refused) rows.get(1)).error().line()).isEqualTo(3);
        assertThat(rows.get(2)).isInstanceOf(CsvProductRows.Row.class);
    }

    @Test
    void anUnterminatedQuoteEndsTheFileWithOneErrorAtItsLine() {
        List<CsvProductRows.Parsed> rows = parse("sku,name\nA,Alpha\nB,\"Beta\nC,Gamma\n");

        assertThat(rows).hasSize(2);
        assertThat(((CsvProductRows.Refused) rows.get(1)).error().line()).isEqualTo(3);
    }

    @Test
    void aHeaderWithoutSkuOrWithAnUnknownColumnIsRefusedBeforeAnythingLoads() {
        assertThatThrownBy(() -> CsvProductRows.checkHeader("name,gtin\nx,y\n"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("'sku'");
        assertThatThrownBy(() -> CsvProductRows.checkHeader("sku,name,colour\n"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("'colour'");
        CsvProductRows.checkHeader("\uFEFFSKU,Name\n");
    }

    private static List<CsvProductRows.Parsed> parse(String csv) {
        List<CsvProductRows.Parsed> rows = new ArrayList<>();
        CsvProductRows.parse(csv, rows::add);
        return rows;
    }
}
