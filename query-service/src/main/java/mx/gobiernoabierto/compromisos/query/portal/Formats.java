package mx.gobiernoabierto.compromisos.query.portal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers, percentages, dates and instants as Mexico writes them: {@code 1,234.5}, {@code 45.6 %},
 * {@code 5 de marzo de 2025}, short {@code 05/03/2025}; instants in the portal's time zone (America/Mexico_City).
 * Absent values are written as the given placeholder, so that a page never shows "null".
 */
public final class Formats {

    static final Locale ES_MX = Locale.forLanguageTag("es-MX");

    private final ZoneId zone;
    private final String absent;
    private final DateTimeFormatter longDate = DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy", ES_MX);
    private final DateTimeFormatter shortDate = DateTimeFormatter.ofPattern("dd/MM/yyyy", ES_MX);
    private final DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss", ES_MX);

    /**
     * @param zone   the calendar of dates and times shown
     * @param absent what stands for a missing value (from the message bundle)
     */
    public Formats(ZoneId zone, String absent) {
        this.zone = zone;
        this.absent = absent;
    }

    /** Grouped thousands, the decimals the value has (none for a whole number): {@code 1,234.5}, {@code 10}. */
    public String number(Number number) {
        if (number == null) {
            return absent;
        }
        BigDecimal value = number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
        BigDecimal plain = value.stripTrailingZeros();
        int scale = Math.max(0, plain.scale());
        DecimalFormat format = new DecimalFormat(scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale), symbols());
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(plain);
    }

    /**
     * A figure with one decimal and a space before the sign ({@code 45.6 %}, {@code 100.0 %}); a whole percent as
     * logged (an {@code Integer}) without decimals ({@code 60 %}).
     */
    public String percent(Number number) {
        if (number == null) {
            return absent;
        }
        if (number instanceof Integer whole) {
            return whole + " %";
        }
        BigDecimal value = number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
        DecimalFormat format = new DecimalFormat("#,##0.0", symbols());
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value) + " %";
    }

    /** {@code 5 de marzo de 2025}. */
    public String date(LocalDate date) {
        return date == null ? absent : longDate.format(date);
    }

    /** {@code 05/03/2025}. */
    public String shortDate(LocalDate date) {
        return date == null ? absent : shortDate.format(date);
    }

    /**
     * The instant's day and time in the portal's time zone: {@code 5 de marzo de 2025, 14:03:07}; an {@link Instant}
     * or ISO-8601 text (the events' {@code occurredAt}).
     */
    public String instant(Object value) {
        if (value == null) {
            return absent;
        }
        Instant instant = value instanceof Instant given ? given : Instant.parse(value.toString());
        var local = instant.atZone(zone);
        return longDate.format(local) + ", " + time.format(local);
    }

    /** The date the instant falls on in the portal's time zone. */
    public LocalDate day(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    public ZoneId zone() {
        return zone;
    }

    private static DecimalFormatSymbols symbols() {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator(',');
        symbols.setDecimalSeparator('.');
        symbols.setMinusSign('-');
        return symbols;
    }
}
