package mx.gobiernoabierto.compromisos.query.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class FormatsTest {

    private final Formats f = new Formats(ZoneId.of("America/Mexico_City"), "sin dato");

    @Test
    void numbersGroupThousandsWithCommasAndKeepTheirDecimals() {
        assertThat(f.number(new BigDecimal("1234.5"))).isEqualTo("1,234.5");
        assertThat(f.number(new BigDecimal("1234567.89"))).isEqualTo("1,234,567.89");
        assertThat(f.number(new BigDecimal("10.00"))).isEqualTo("10");
        assertThat(f.number(new BigDecimal("-0.25"))).isEqualTo("-0.25");
        assertThat(f.number(new BigDecimal("1E+3"))).isEqualTo("1,000");
        assertThat(f.number(7)).isEqualTo("7");
        assertThat(f.number(12_000L)).isEqualTo("12,000");
    }

    @Test
    void figuresArePercentagesWithOneDecimalAndASpaceBeforeTheSign() {
        assertThat(f.percent(new BigDecimal("45.6"))).isEqualTo("45.6 %");
        assertThat(f.percent(new BigDecimal("100"))).isEqualTo("100.0 %");
        assertThat(f.percent(new BigDecimal("0.05"))).isEqualTo("0.1 %");
        assertThat(f.percent(new BigDecimal("1234.5"))).isEqualTo("1,234.5 %");
    }

    @Test
    void aLoggedWholePercentHasNoDecimals() {
        assertThat(f.percent(60)).isEqualTo("60 %");
    }

    @Test
    void datesAreWrittenInSpanishLongAndShort() {
        assertThat(f.date(LocalDate.of(2025, 3, 5))).isEqualTo("5 de marzo de 2025");
        assertThat(f.date(LocalDate.of(2024, 12, 31))).isEqualTo("31 de diciembre de 2024");
        assertThat(f.shortDate(LocalDate.of(2025, 3, 5))).isEqualTo("05/03/2025");
    }

    @Test
    void instantsAreShownInMexicoCityTime() {
        // 02:30 UTC on 6 March is still 5 March (20:30) in Mexico City
        assertThat(f.instant(Instant.parse("2025-03-06T02:30:00Z"))).isEqualTo("5 de marzo de 2025, 20:30:00");
        assertThat(f.instant("2025-03-06T02:30:00.000Z")).isEqualTo("5 de marzo de 2025, 20:30:00");
        assertThat(f.day(Instant.parse("2025-03-06T02:30:00Z"))).isEqualTo(LocalDate.of(2025, 3, 5));
    }

    @Test
    void missingValuesAreWrittenAsThePlaceholder() {
        assertThat(f.number(null)).isEqualTo("sin dato");
        assertThat(f.percent(null)).isEqualTo("sin dato");
        assertThat(f.date(null)).isEqualTo("sin dato");
        assertThat(f.shortDate(null)).isEqualTo("sin dato");
        assertThat(f.instant(null)).isEqualTo("sin dato");
    }
}
