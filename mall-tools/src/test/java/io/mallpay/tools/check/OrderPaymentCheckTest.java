package io.mallpay.tools.check;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.mallpay.tools.check.Rows.T0;
import static io.mallpay.tools.check.Rows.notification;
import static io.mallpay.tools.check.Rows.order;
import static io.mallpay.tools.check.Rows.paidCard;
import static org.assertj.core.api.Assertions.assertThat;

class OrderPaymentCheckTest {

    private static InvariantResult check(CheckContext ctx, List<Row> orders, List<Row> payments,
                                         List<Row> notifications) {
        return OrderPaymentCheck.evaluate(ctx, Tables.index(orders, o -> o.lng("order_id")), payments,
                Tables.index(notifications, n -> n.str("payment_id")), Map.of());
    }

    @Test
    void aPaidOrderWithItsNotifiedPaymentAndALiveUnpaidOrderPass() {
        InvariantResult r = check(Rows.ctx(), List.of(order(1, "PAID", 1000, "P1", null), order(2, "CREATED", 500,
                null, null), order(3, "CANCELLED", 700, null, null)), List.of(paidCard("P1", 1, 1000)),
                List.of(notification("P1", "SUCCESS")));

        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.checked()).isEqualTo(4);
    }

    @Test
    void aPaidOrderNeedsItsPaidPaymentNamedAndForThePayableAmount() {
        InvariantResult r = check(Rows.ctx(),
                List.of(order(1, "PAID", 1000, "p-1", null), order(2, "PAID", 1000, "P-OTHER", null),
                        order(3, "PAID", 1000, "P3", null)),
                List.of(paidCard("P2", 2, 1000), paidCard("P3", 3, 900)),
                List.of(notification("P2", "SUCCESS"), notification("P3", "SUCCESS")));

        assertThat(r.rows()).extracting(Violation::problem).contains("PAID order has no PAID payment",
                "orders.payment_id does not name the order's PAID payment", "paid amount 900 != payable");
        assertThat(r.rows().get(0).values()).containsEntry("order_id", 1L).containsEntry("orders.payment_id", "p-1");
    }

    @Test
    void aCreatedOrderPastItsDeadlineFailsAfterTheGraceAndWarnsWithinIt() {
        List<Row> orders = List.of(order(1, "CREATED", 1000, null, null));

        InvariantResult live = check(Rows.ctx(T0.plusMinutes(29), null), orders, List.of(), List.of());
        InvariantResult due = check(Rows.ctx(T0.plusMinutes(30).plusSeconds(5), null), orders, List.of(), List.of());
        InvariantResult missed = check(Rows.ctx(T0.plusMinutes(31), null), orders, List.of(), List.of());

        assertThat(live.status()).isEqualTo(Status.PASS);
        assertThat(due.status()).isEqualTo(Status.WARN);
        assertThat(missed.rows()).extracting(Violation::problem)
                .containsExactly("CREATED order past its payment deadline (timeout job missed it)");
    }

    @Test
    void aPaymentTheMerchantRefusedIsARefundToMakeNotAFailure() {
        InvariantResult r = check(Rows.ctx(), List.of(order(1, "CANCELLED", 1000, null, null)),
                List.of(paidCard("LATE", 1, 1000)), List.of(notification("LATE", "REJECTED")));

        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.rows()).singleElement().satisfies(v -> {
            assertThat(v.problem()).startsWith("refund required");
            assertThat(v.values()).containsEntry("payment_id", "LATE").containsEntry("order_status", "CANCELLED");
        });
    }

    @Test
    void verdictsOfAPaidPaymentByOrderAndNotificationState() {
        Row paidByP = order(1, "PAID", 1000, "P", null);
        Row paidByOther = order(1, "PAID", 1000, "Q", null);
        Row cancelled = order(1, "CANCELLED", 1000, null, null);
        Row created = order(1, "CREATED", 1000, null, null);

        assertThat(OrderPaymentCheck.verdict("P", paidByP, "SUCCESS")).isNull();
        assertThat(OrderPaymentCheck.verdict("P", paidByP, "PENDING").status()).isEqualTo(Status.WARN);
        assertThat(OrderPaymentCheck.verdict("P", created, "PENDING").problem())
                .isEqualTo("still notifying the merchant");
        assertThat(OrderPaymentCheck.verdict("P", paidByP, "REJECTED").status()).isEqualTo(Status.FAIL);
        assertThat(OrderPaymentCheck.verdict("P", paidByP, "FAILED").status()).isEqualTo(Status.FAIL);
        assertThat(OrderPaymentCheck.verdict("P", paidByOther, "REJECTED").status()).isEqualTo(Status.WARN);
        assertThat(OrderPaymentCheck.verdict("P", cancelled, "REJECTED").status()).isEqualTo(Status.WARN);
        assertThat(OrderPaymentCheck.verdict("P", cancelled, "FAILED").status()).isEqualTo(Status.WARN);
        assertThat(OrderPaymentCheck.verdict("P", created, "FAILED").status()).isEqualTo(Status.FAIL);
        assertThat(OrderPaymentCheck.verdict("P", cancelled, "SUCCESS").status()).isEqualTo(Status.FAIL);
        assertThat(OrderPaymentCheck.verdict("P", paidByOther, "SUCCESS").status()).isEqualTo(Status.FAIL);
        assertThat(OrderPaymentCheck.verdict("P", null, "SUCCESS").problem())
                .isEqualTo("PAID payment of an unknown order");
        assertThat(OrderPaymentCheck.verdict("P", paidByP, null).problem())
                .isEqualTo("PAID payment has no merchant notification");
    }

    @Test
    void sinceLeavesOlderResidueOut() {
        CheckContext ctx = Rows.ctx(T0.plusMinutes(20), T0.plusMinutes(5));
        Row fresh = Rows.createdAt(order(2, "PAID", 1000, "P2", null), T0.plusMinutes(5));
        Row freshPayment = Rows.createdAt(paidCard("P2", 2, 1000), T0.plusMinutes(5));

        InvariantResult r = check(ctx, List.of(order(1, "PAID", 1000, "made-up", null), fresh),
                List.of(freshPayment), List.of(notification("P2", "SUCCESS")));

        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.checked()).isEqualTo(2);
    }
}
