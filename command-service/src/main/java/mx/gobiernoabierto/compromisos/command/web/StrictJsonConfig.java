package mx.gobiernoabierto.compromisos.command.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Request bodies are read strictly: an unknown field, a field given twice, a number or boolean where text or an enum
 * value is expected (or the reverse), a fraction where a whole number is expected, or a null for a required number
 * is a {@code 400}, never a guess. Every text is plain text ({@link #PLAIN_TEXT_RULE}), and every date is exactly {@code YYYY-MM-DD}.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfig {

    static final String PLAIN_TEXT_RULE = "must be plain text: no control characters other than tab and line"
            + " breaks, no bidirectional overrides, no unpaired surrogates and no markup such as <tag>";
    private static final Pattern MARKUP = Pattern.compile("<[A-Za-z!/?]");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    @Bean
    JsonMapperBuilderCustomizer strictRequests() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(new SimpleModule("strict-requests")
                        .addDeserializer(String.class, new PlainTextDeserializer())
                        .addDeserializer(LocalDate.class, new IsoDateDeserializer()));
    }

    /** Whether a text is plain: what {@link #PLAIN_TEXT_RULE} says. */
    static boolean isPlainText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f
                    || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0xfffe || c == 0xffff) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return !MARKUP.matcher(text).find();
    }

    /** Text that breaks {@link #PLAIN_TEXT_RULE}; the problem names the field. */
    static final class UnsafeTextException extends InvalidFormatException {
        UnsafeTextException(JsonParser parser, String value) {
            super(parser, PLAIN_TEXT_RULE, value, String.class);
        }
    }

    private static final class PlainTextDeserializer extends StdScalarDeserializer<String> {

        PlainTextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getString();
            if (!isPlainText(text)) {
                throw new UnsafeTextException(parser, text);
            }
            return text;
        }
    }

    /** {@code YYYY-MM-DD} and nothing else: no expanded years ({@code +999999999-12-31}), no times, no offsets. */
    private static final class IsoDateDeserializer extends StdScalarDeserializer<LocalDate> {

        IsoDateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getString();
            if (DATE.matcher(text).matches()) {
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    // falls through to the same answer as any other malformed date
                }
            }
            throw InvalidFormatException.from(parser, "must be a date as YYYY-MM-DD", text, LocalDate.class);
        }
    }
}
