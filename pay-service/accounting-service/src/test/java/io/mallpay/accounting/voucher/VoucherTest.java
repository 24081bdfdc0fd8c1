package io.mallpay.accounting.voucher;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The last check before a voucher is written: debits = credits = amount, every line positive. */
class VoucherTest {

    @Test
    void balancedVoucherPasses() {
        assertThatCode(() -> voucher(1000, line(Direction.DEBIT, 1000), line(Direction.CREDIT, 980),
                line(Direction.CREDIT, 20)).requireBalanced()).doesNotThrowAnyException();
    }

    @Test
    void debitsDifferentFromCreditsFail() {
        assertThatThrownBy(() -> voucher(1000, line(Direction.DEBIT, 1000), line(Direction.CREDIT, 990)).requireBalanced())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("debit 1000, credit 990");
    }

    @Test
    void balancedLinesThatDoNotCoverTheAmountFail() {
        assertThatThrownBy(() -> voucher(1000, line(Direction.DEBIT, 900), line(Direction.CREDIT, 900)).requireBalanced())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("amount 1000");
    }

    @Test
    void zeroOrNegativeLinesAndEmptyVouchersFail() {
        assertThatThrownBy(() -> voucher(1000, line(Direction.DEBIT, 1000), line(Direction.CREDIT, 1000),
                line(Direction.CREDIT, 0)).requireBalanced()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> voucher(0).requireBalanced()).isInstanceOf(IllegalStateException.class);
    }

    private static Voucher voucher(long amount, VoucherLine... lines) {
        Voucher v = new Voucher();
        v.setPaymentId("P1");
        v.setAmountCents(amount);
        v.setLines(new ArrayList<>(List.of(lines)));
        return v;
    }

    private static VoucherLine line(Direction d, long amount) {
        return VoucherLine.of(1, d == Direction.DEBIT ? Account.BANK_CLEARING : Account.MERCHANT_PAYABLE, d, amount, null);
    }
}
