package io.mallpay.tools.check;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.mallpay.tools.check.Rows.T0;
import static io.mallpay.tools.check.Rows.paidCard;
import static io.mallpay.tools.check.Rows.payment;
import static org.assertj.core.api.Assertions.assertThat;

class MerchantCreditCheckTest {

    private static Row net(String reference, String owner, long available, long incoming, long outgoing) {
        String[] o = owner.split(":");
        return Row.of("reference", reference, "owner_type", o[0], "owner_id", o[1], "net_available", available,
                "net_incoming", incoming, "net_outgoing", outgoing, "first_at", T0);
    }

    @Test
    void aPaidCardPaymentCreditsTheMerchantItsNet() {
        InvariantResult r = MerchantCreditCheck.evaluate(Rows.ctx(), List.of(paidCard("P1", 1, 1000)),
                List.of(net("P1", "MERCHANT:M-1", 980, 0, 0)));

        assertThat(r.status()).isEqualTo(Status.PASS);
    }

    @Test
    void aPaidWalletPaymentAlsoDebitsTheUsersWallet() {
        Row wallet = payment("P1", 1, "PAID", 1000, 20L, "WALLET");

        InvariantResult ok = MerchantCreditCheck.evaluate(Rows.ctx(), List.of(wallet),
                List.of(net("P1", "MERCHANT:M-1", 980, 0, 0), net("P1", "USER:7", -1000, 0, 0)));
        InvariantResult stillReserved = MerchantCreditCheck.evaluate(Rows.ctx(), List.of(wallet),
                List.of(net("P1", "MERCHANT:M-1", 980, 0, 0), net("P1", "USER:7", -1000, 0, 1000)));

        assertThat(ok.status()).isEqualTo(Status.PASS);
        assertThat(stillReserved.rows()).extracting(Violation::problem).containsExactly("wallet debit != amount");
    }

    @Test
    void aMissingOrWrongOrUnconfirmedCreditFails() {
        InvariantResult r = MerchantCreditCheck.evaluate(Rows.ctx(),
                List.of(paidCard("MISSING", 1, 1000), paidCard("WRONG", 2, 1000), paidCard("TRIED", 3, 1000)),
                List.of(net("WRONG", "MERCHANT:M-1", 1000, 0, 0), net("TRIED", "MERCHANT:M-1", 0, 980, 0)));

        assertThat(r.rows()).hasSize(3).allMatch(v -> v.problem().equals("merchant credit != amount - commission"));
        assertThat(r.rows().get(1).values()).containsEntry("payment_id", "WRONG")
                .containsEntry("expected_available", 980L).containsEntry("net_available", 1000L);
    }

    @Test
    void noMoneyMovesForAnUnpaidPaymentNorOnUnrelatedAccounts() {
        InvariantResult r = MerchantCreditCheck.evaluate(Rows.ctx(),
                List.of(payment("F", 1, "FAILED", 1000, null, "CARD"), payment("C", 2, "CLOSED", 1000, null, "WALLET"),
                        paidCard("P", 3, 1000)),
                List.of(net("F", "MERCHANT:M-1", 0, 0, 0), net("C", "USER:7", -1000, 0, 0),
                        net("P", "MERCHANT:M-1", 980, 0, 0), net("P", "MERCHANT:M-2", 5, 0, 0)));

        assertThat(r.rows()).extracting(Violation::problem).containsExactly("money moved for a CLOSED payment",
                "money moved on an unrelated account");
    }

    @Test
    void moneyMovedForAnUnknownPaymentFailsWithinTheWindow() {
        List<Row> nets = List.of(net("IT-TCC-1", "MERCHANT:M-1", 500, 0, 0), net("SETTLED", "MERCHANT:M-1", 0, 0, 0));

        InvariantResult all = MerchantCreditCheck.evaluate(Rows.ctx(), List.of(), nets);
        InvariantResult later = MerchantCreditCheck.evaluate(Rows.ctx(T0.plusHours(1), T0.plusMinutes(1)),
                List.of(), nets);

        assertThat(all.rows()).extracting(Violation::problem).containsExactly("money moved for an unknown payment");
        assertThat(all.rows().get(0).values()).containsEntry("reference", "IT-TCC-1");
        assertThat(later.status()).isEqualTo(Status.PASS);
    }
}
