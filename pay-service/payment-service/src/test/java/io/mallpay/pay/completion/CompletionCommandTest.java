package io.mallpay.pay.completion;

import io.mallpay.pay.api.PaymentPaidEvent;
import io.mallpay.pay.payment.Payments;
import io.mallpay.pay.settings.PaymentSettings;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CompletionCommandTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00.123456Z");

    private static PaymentSettings rate(String rate, long pointsPerPound) {
        PaymentSettings s = new PaymentSettings();
        s.setCommissionRate(new BigDecimal(rate));
        s.setRewardPointsPerPound(pointsPerPound);
        return s;
    }

    @Test
    void commissionIsRoundedHalfUpToWholePenceAndTheMerchantGetsTheRest() {
        // 1,275p × 2 % = 25.5p → 26p; the merchant is credited 1,249p
        CompletionCommand c = CompletionCommand.of(Payments.card("P1", 1_275), rate("0.02", 1), NOW);
        assertThat(c.commissionCents()).isEqualTo(26);
        assertThat(c.merchantNetCents()).isEqualTo(1_249);
        assertThat(c.commissionCents() + c.merchantNetCents()).isEqualTo(c.amountCents());
        assertThat(c.commissionRate().toPlainString()).isEqualTo("0.0200");
    }

    @Test
    void rewardPointsCountWholePoundsOnly() {
        assertThat(CompletionCommand.of(Payments.card("P1", 1_999), rate("0.02", 1), NOW).rewardPoints()).isEqualTo(19);
        assertThat(CompletionCommand.of(Payments.card("P1", 99), rate("0.02", 3), NOW).rewardPoints()).isZero();
        assertThat(CompletionCommand.of(Payments.card("P1", 500), rate("0.02", 3), NOW).rewardPoints()).isEqualTo(15);
    }

    @Test
    void theEventCarriesTheSameFiguresAndAMillisecondTimestamp() {
        CompletionCommand c = CompletionCommand.of(Payments.card("P9", 10_000), rate("0.0150", 1), NOW);
        PaymentPaidEvent e = c.event();
        assertThat(e.paymentId()).isEqualTo("P9");
        assertThat(e.amountCents()).isEqualTo(10_000);
        assertThat(e.commissionCents()).isEqualTo(150);
        assertThat(e.merchantNetCents()).isEqualTo(9_850);
        assertThat(e.commissionRate()).isEqualTo("0.0150");
        assertThat(e.method()).isEqualTo("CARD");
        assertThat(e.paidAt()).isEqualTo(Instant.parse("2026-11-21T10:00:00.123Z"));
    }

    @Test
    void aZeroRateTakesNoCommission() {
        CompletionCommand c = CompletionCommand.of(Payments.card("P1", 1_000), rate("0", 1), NOW);
        assertThat(c.commissionCents()).isZero();
        assertThat(c.merchantNetCents()).isEqualTo(1_000);
    }
}
