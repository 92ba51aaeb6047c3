package mx.gobiernoabierto.compromisos.query.commitment.projection;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * An exact rational number. The figures are computed with these and rounded only once, when they leave as a
 * {@link BigDecimal} of scale 1: a mean of means, a share of days or a comparison of two figures never sees an
 * intermediate rounding, so it cannot land on the wrong side of a {@code .x5} or of a schedule threshold.
 *
 * @param numerator   any integer
 * @param denominator positive; the pair is kept in lowest terms
 */
record Ratio(BigInteger numerator, BigInteger denominator) implements Comparable<Ratio> {

    static final Ratio ZERO = of(0);
    static final Ratio HUNDRED = of(100);

    Ratio {
        if (denominator.signum() == 0) {
            throw new ArithmeticException("zero denominator");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (!gcd.equals(BigInteger.ONE) && gcd.signum() != 0) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
    }

    static Ratio of(long value) {
        return new Ratio(BigInteger.valueOf(value), BigInteger.ONE);
    }

    static Ratio of(long numerator, long denominator) {
        return new Ratio(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    /** The exact value of a decimal: its unscaled value over 10^scale. */
    static Ratio of(BigDecimal value) {
        int scale = value.scale();
        return scale >= 0
                ? new Ratio(value.unscaledValue(), BigInteger.TEN.pow(scale))
                : new Ratio(value.unscaledValue().multiply(BigInteger.TEN.pow(-scale)), BigInteger.ONE);
    }

    /** The arithmetic mean, or {@code null} for no values. */
    static Ratio mean(Collection<Ratio> values) {
        if (values.isEmpty()) {
            return null;
        }
        Ratio sum = ZERO;
        for (Ratio value : values) {
            sum = sum.plus(value);
        }
        return sum.dividedBy(of(values.size()));
    }

    Ratio plus(Ratio other) {
        return new Ratio(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    Ratio minus(Ratio other) {
        return plus(other.negate());
    }

    Ratio negate() {
        return new Ratio(numerator.negate(), denominator);
    }

    Ratio times(Ratio other) {
        return new Ratio(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    /** Throws {@link ArithmeticException} when {@code other} is zero. */
    Ratio dividedBy(Ratio other) {
        return new Ratio(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
    }

    int signum() {
        return numerator.signum();
    }

    Ratio clamp(Ratio min, Ratio max) {
        if (compareTo(min) < 0) {
            return min;
        }
        return compareTo(max) > 0 ? max : this;
    }

    boolean isAtLeast(Ratio other) {
        return compareTo(other) >= 0;
    }

    /** The value rounded once, half up, to one decimal place. */
    BigDecimal toPercent() {
        // BigDecimal.divide with a scale and a rounding mode rounds the exact quotient, not an approximation of it.
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), 1, RoundingMode.HALF_UP);
    }

    @Override
    public int compareTo(Ratio other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }
}
