package io.mallpay.tools.check;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.mallpay.tools.check.Rows.T0;
import static io.mallpay.tools.check.Rows.paidCard;
import static io.mallpay.tools.check.Rows.payment;
import static io.mallpay.tools.check.Rows.voucher;
import static org.assertj.core.api.Assertions.assertThat;

class PaymentVoucherCheckTest {

    @Test
    void everyPaidPaymentWithItsMatchingVoucherPasses() {
        InvariantResult r = PaymentVoucherCheck.evaluate(Rows.ctx(),
                List.of(paidCard("P1", 1, 1000), payment("P2", 2, "FAILED", 500, null, "CARD")),
                List.of(voucher(1, "P1", 1000, 20, "CARD")));

        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.checked()).isEqualTo(2);
    }

    @Test
    void aPaidPaymentWithoutVoucherOrWithADifferentOneFails() {
        InvariantResult r = PaymentVoucherCheck.evaluate(Rows.ctx(),
                List.of(paidCard("P1", 1, 1000), paidCard("P2", 2, 1000), paidCard("P3", 3, 1000)),
                List.of(voucher(2, "P2", 1000, 21, "CARD"), voucher(3, "P3", 1000, 20, "WALLET")));

        assertThat(r.rows()).extracting(Violation::problem).containsExactly("PAID payment has no voucher",
                "voucher differs from its payment", "voucher differs from its payment");
        assertThat(r.rows().get(1).values()).containsEntry("payment_id", "P2")
                .containsEntry("commission_cents", "20 vs 21");
        assertThat(r.rows().get(2).values()).containsEntry("method", "CARD vs WALLET");
    }

    @Test
    void aVoucherNeedsAPaidPayment() {
        InvariantResult r = PaymentVoucherCheck.evaluate(Rows.ctx(),
                List.of(payment("P2", 2, "CLOSED", 1000, null, "CARD")),
                List.of(voucher(1, "IT-POISON-1", 1000, 20, "CARD"), voucher(2, "P2", 1000, 20, "CARD")));

        assertThat(r.rows()).extracting(Violation::problem)
                .containsExactly("voucher of an unknown payment", "voucher of a payment that is not PAID");
        assertThat(r.rows().get(1).values()).containsEntry("payment_status", "CLOSED");
    }

    @Test
    void sinceLeavesOlderPaymentsAndVouchersOut() {
        CheckContext ctx = Rows.ctx(T0.plusHours(1), T0.plusMinutes(10));
        Row fresh = Rows.createdAt(paidCard("NEW", 2, 1000), T0.plusMinutes(10));

        InvariantResult r = PaymentVoucherCheck.evaluate(ctx, List.of(paidCard("OLD", 1, 1000), fresh),
                List.of(voucher(1, "IT-POISON-1", 1000, 20, "CARD")));

        assertThat(r.rows()).extracting(Violation::problem).containsExactly("PAID payment has no voucher");
        assertThat(r.rows().get(0).values()).containsEntry("payment_id", "NEW");
        assertThat(r.checked()).isEqualTo(1);
    }
}
