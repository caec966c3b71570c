package id.sopan.web;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Rupiah the Indonesian way, strictly. */
class RupiahParserTest {

    @Test
    void readsPointsAsThousandsAndACommaBeforeTheSen() {
        assertThat(RupiahParser.parse("1.500.000.000")).isEqualByComparingTo("1500000000");
        assertThat(RupiahParser.parse(" 1500000000,50 ")).isEqualByComparingTo("1500000000.50");
        assertThat(RupiahParser.parse("700.000.000,5")).isEqualByComparingTo("700000000.5");
        assertThat(RupiahParser.parse("0")).isEqualByComparingTo("0");
        assertThat(RupiahParser.parse("999")).isEqualByComparingTo("999");
    }

    @Test
    void refusesWhatItWouldHaveToGuess() {
        for (String wrong : new String[] {"", "1,500,000", "1.5", "1.50.000", "1.500,123", "-5", "Rp 5", "1 500",
                "1.500.000,", ",5", "12345678901234567", "1e6"}) {
            assertThat(RupiahParser.parse(wrong)).as(wrong).isNull();
        }
    }

    @Test
    void writesTheSameWay() {
        assertThat(RupiahParser.format(new BigDecimal("1500000000"))).isEqualTo("1.500.000.000");
        assertThat(RupiahParser.format(new BigDecimal("1500000000.00"))).isEqualTo("1.500.000.000");
        assertThat(RupiahParser.format(new BigDecimal("700000000.5"))).isEqualTo("700.000.000,50");
        assertThat(RupiahParser.parse(RupiahParser.format(new BigDecimal("12345.67")))).isEqualByComparingTo("12345.67");
    }
}
