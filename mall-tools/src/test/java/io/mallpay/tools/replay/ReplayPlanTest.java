package io.mallpay.tools.replay;

import io.mallpay.tools.replay.ReplayPlan.Action;
import io.mallpay.tools.replay.ReplayPlan.Step;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.mallpay.tools.replay.RetailLines.invoices;
import static io.mallpay.tools.replay.RetailLines.line;
import static org.assertj.core.api.Assertions.assertThat;

class ReplayPlanTest {

    /** Customer 1 buys twice and returns part of the first sale; customer 2 cancels what they never bought. */
    private static List<Invoice> file() throws Exception {
        return invoices(
                line("100", "A1", 2, "09:00:00", "1.00", "1"),
                line("100", "B1", 1, "09:00:00", "1.00", "1"),
                line("101", "POST", 1, "09:01:00", "18.00", "2"),
                line("102", "A1", 1, "09:02:00", "1.00", ""),
                line("103", "A1", 1, "09:03:00", "1.00", "1"),
                line("C104", "B1", -1, "09:04:00", "1.00", "1"),
                line("C105", "A1", -1, "09:05:00", "1.00", "2"),
                line("C106", "D", -1, "09:06:00", "5.00", "1"),
                line("A107", "B", 1, "09:07:00", "100.00", ""),
                line("108", "A1", 1, "09:08:00", "1.00", "3"),
                line("C109", "A1", -1, "09:09:00", "1.00", "1"));
    }

    private static Map<String, Step> byNo(ReplayPlan plan) {
        Map<String, Step> m = new HashMap<>();
        plan.steps().forEach(s -> m.put(s.invoice().invoiceNo(), s));
        return m;
    }

    @Test
    void cancellationsMatchTheLatestEarlierUnclaimedSaleContainingTheirCodes() throws Exception {
        Map<String, String> match = ReplayPlan.matchCancellations(file());

        assertThat(match).containsEntry("C104", "100").as("103 lacks B1")
                .containsEntry("C109", "103").as("latest earlier sale with A1")
                .doesNotContainKeys("C105", "C106").hasSize(2);
    }

    @Test
    void aClaimedSaleIsNotCancelledTwice() throws Exception {
        Map<String, String> match = ReplayPlan.matchCancellations(invoices(
                line("200", "A1", 1, "09:00:00", "1.00", "1"),
                line("C201", "A1", -1, "09:01:00", "1.00", "1"),
                line("C202", "A1", -1, "09:02:00", "1.00", "1")));

        assertThat(match).containsExactly(Map.entry("C201", "200"));
    }

    @Test
    void everyInvoiceGetsAnActionOrASkipReason() throws Exception {
        ReplayPlan plan = ReplayPlan.build(file(), null);
        Map<String, Step> s = byNo(plan);

        assertThat(s.get("100").action()).as("cancelled later: checked out, not paid").isEqualTo(Action.CHECKOUT_ONLY);
        assertThat(s.get("103").action()).isEqualTo(Action.CHECKOUT_ONLY);
        assertThat(s.get("108").action()).isEqualTo(Action.CHECKOUT_AND_PAY);
        assertThat(s.get("C104").cancels()).isEqualTo("100");
        assertThat(s.get("101").skipReason()).isEqualTo("non_product_only");
        assertThat(s.get("102").skipReason()).isEqualTo("guest");
        assertThat(s.get("C105").skipReason()).isEqualTo("cancel_unmatched");
        assertThat(s.get("C106").skipReason()).isEqualTo("cancel_non_product");
        assertThat(s.get("A107").skipReason()).isEqualTo("adjustment");
        assertThat(plan.counts()).containsEntry("CHECKOUT_ONLY", 2).containsEntry("CANCEL", 2)
                .containsEntry("CHECKOUT_AND_PAY", 1).containsEntry("skipped.guest", 1);
        assertThat(plan.worked()).isEqualTo(5);
    }

    @Test
    void ordersLimitCountsCheckoutsAndCancellationsAndPaysSalesWhoseCancelIsBeyondIt() throws Exception {
        ReplayPlan plan = ReplayPlan.build(file(), 3);

        assertThat(plan.steps()).extracting(st -> st.invoice().invoiceNo())
                .containsExactly("100", "101", "102", "103", "C104");
        Map<String, Step> s = byNo(plan);
        assertThat(s.get("100").action()).isEqualTo(Action.CHECKOUT_ONLY);
        assertThat(s.get("103").action()).as("its C109 is outside the window").isEqualTo(Action.CHECKOUT_AND_PAY);
        assertThat(ReplayPlan.build(file(), 0).steps()).isEmpty();
    }

    /** 600 one-line sales a second apart by 97 customers (12000..12096) in turn. */
    private static String sixHundredSales() {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            String t = String.format("%02d:%02d:%02d", 8 + i / 3600, i / 60 % 60, i % 60);
            csv.append(line(Integer.toString(300000 + i), "A" + (i % 7), 1, t, "1.00", Integer.toString(12000 + i % 97)));
        }
        return csv.toString();
    }

    private static List<List<String>> invoiceNos(List<List<Step>> lanes) {
        return lanes.stream().map(l -> l.stream().map(st -> st.invoice().invoiceNo()).toList()).toList();
    }

    @Test
    void lanesKeepEachCustomerOnOneWorkerInTimeOrder() throws Exception {
        ReplayPlan plan = ReplayPlan.build(invoices(sixHundredSales()), null);
        List<List<Step>> lanes = plan.lanes(8);

        assertThat(lanes).hasSize(8);
        assertThat(lanes.stream().mapToInt(List::size).sum()).isEqualTo(600);
        Map<Long, Integer> laneOf = new HashMap<>();
        for (int l = 0; l < lanes.size(); l++) {
            assertThat(lanes.get(l)).extracting(Step::invoice).isSortedAccordingTo(Invoice.TIME_ORDER);
            for (Step st : lanes.get(l)) {
                Integer before = laneOf.put(st.invoice().customerId(), l);
                assertThat(before == null || before == l).as("customer on one lane").isTrue();
            }
        }
        assertThat(lanes).allSatisfy(lane -> assertThat(lane.size()).as("roughly balanced").isBetween(30, 130));
    }

    @Test
    void twoIndependentlyBuiltPlansOfTheSameFileSplitIdenticallyAndAnotherLaneCountSplitsOtherwise()
            throws Exception {
        ReplayPlan first = ReplayPlan.build(invoices(sixHundredSales()), null);
        ReplayPlan second = ReplayPlan.build(invoices(sixHundredSales()), null);

        assertThat(second).isNotSameAs(first);
        assertThat(invoiceNos(second.lanes(8))).isEqualTo(invoiceNos(first.lanes(8)));
        assertThat(second.counts()).isEqualTo(first.counts());
        assertThat(invoiceNos(first.lanes(4))).hasSize(4).isNotEqualTo(invoiceNos(first.lanes(8)).subList(0, 4));
    }

    @Test
    void aCustomersLaneIsAFixedFunctionOfTheIdNotOfTheRunOrTheJvm() {
        // pinned values: a replay resumed by another JVM puts each customer on the same lane
        assertThat(ReplayPlan.lane(17850, 16)).isEqualTo(7);
        assertThat(ReplayPlan.lane(12346, 16)).isEqualTo(6);
        assertThat(ReplayPlan.lane(12347, 16)).isEqualTo(9);
        assertThat(ReplayPlan.lane(12347, 8)).isEqualTo(1);
        assertThat(ReplayPlan.lane(13047, 8)).isEqualTo(5);
        assertThat(java.util.stream.IntStream.range(12000, 12097).map(c -> ReplayPlan.lane(c, 8)).distinct().count())
                .as("97 customers reach every one of 8 lanes").isEqualTo(8);
    }
}
