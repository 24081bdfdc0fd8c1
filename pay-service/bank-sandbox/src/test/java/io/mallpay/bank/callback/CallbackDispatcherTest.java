package io.mallpay.bank.callback;

import io.mallpay.bank.signature.BankSignature;
import io.mallpay.bank.signature.BankSigner;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static io.mallpay.bank.callback.Callbacks.callback;
import static io.mallpay.bank.sandbox.CallbackMode.LATE;
import static io.mallpay.bank.sandbox.CallbackMode.NEVER;
import static io.mallpay.bank.sandbox.CallbackMode.NORMAL;
import static io.mallpay.bank.sandbox.CallbackMode.OUT_OF_ORDER;
import static io.mallpay.bank.sandbox.CallbackMode.TWICE;
import static org.assertj.core.api.Assertions.assertThat;

class CallbackDispatcherTest {

    private final BankSignature signature = new BankSignature("dispatcher-test-secret");
    private final FakeSender sender = new FakeSender();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> delivered = new ArrayList<>();
    private final CallbackDelivery delivery = new CallbackDelivery(sender, new BankSigner(signature, Clock.systemUTC()),
            scheduler, delivered::add, 3, 1000);
    private final CallbackDispatcher dispatcher = new CallbackDispatcher(delivery, scheduler,
            Jackson2ObjectMapperBuilder.json().build());

    @Test
    void normalSendsOneSignedCallbackWithTheDocumentedBody() {
        dispatcher.dispatch(callback("P-1", NORMAL, 0));
        scheduler.runDue();

        assertThat(sender.sent()).hasSize(1);
        FakeSender.Sent sent = sender.sent().get(0);
        assertThat(sent.url()).isEqualTo(Callbacks.URL);
        assertThat(sent.body()).isEqualTo("{\"chargeId\":\"P-1\",\"bankTxnId\":\"BTX-P-1\",\"status\":\"SUCCEEDED\","
                + "\"amountCents\":1999,\"merchantRef\":\"M-P-1\",\"decidedAt\":\"2024-05-01T10:15:30.123Z\"}");
        assertThat(signature.verify(sent.timestamp(), sent.nonce(), sent.body(), sent.signature())).isTrue();
        assertThat(delivered).containsExactly("P-1");
    }

    @Test
    void twiceSendsTheSameBodyTwiceWithDifferentNonces() {
        dispatcher.dispatch(callback("P-1", TWICE, 0));
        scheduler.runDue();

        assertThat(sender.sent()).hasSize(2);
        FakeSender.Sent first = sender.sent().get(0);
        FakeSender.Sent second = sender.sent().get(1);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.nonce()).isNotEqualTo(first.nonce());
        assertThat(second.signature()).isNotEqualTo(first.signature());
        assertThat(signature.verify(second.timestamp(), second.nonce(), second.body(), second.signature())).isTrue();
        assertThat(delivered).containsExactly("P-1", "P-1");
    }

    @Test
    void neverSendsNothingEvenMuchLater() {
        dispatcher.dispatch(callback("P-1", NEVER, 0));
        scheduler.advance(3_600_000);

        assertThat(sender.sent()).isEmpty();
        assertThat(delivered).isEmpty();
    }

    @Test
    void lateSendsOnlyAfterTheDelay() {
        dispatcher.dispatch(callback("P-1", LATE, 3000));

        scheduler.advance(2999);
        assertThat(sender.sent()).isEmpty();

        scheduler.advance(1);
        assertThat(sender.sent()).hasSize(1);
    }

    @Test
    void outOfOrderIsHeldAndReleasedRightAfterTheNextChargesCallback() {
        dispatcher.dispatch(callback("P-1", OUT_OF_ORDER, 10_000));
        scheduler.runDue();
        assertThat(sender.sent()).isEmpty();

        dispatcher.dispatch(callback("P-2", NORMAL, 0));
        scheduler.runDue();

        assertThat(chargeIdsSent()).containsExactly("P-2", "P-1");
        // The hold's time-out must not send the released callback a second time.
        scheduler.advance(10_000);
        assertThat(chargeIdsSent()).containsExactly("P-2", "P-1");
    }

    @Test
    void outOfOrderIsReleasedAfterItsDelayWhenNoOtherCallbackComes() {
        dispatcher.dispatch(callback("P-1", OUT_OF_ORDER, 10_000));

        scheduler.advance(9_999);
        assertThat(sender.sent()).isEmpty();

        scheduler.advance(1);
        assertThat(chargeIdsSent()).containsExactly("P-1");
    }

    @Test
    void aRunOfOutOfOrderChargesArrivesInSwappedPairs() {
        dispatcher.dispatch(callback("P-1", OUT_OF_ORDER, 10_000));
        dispatcher.dispatch(callback("P-2", OUT_OF_ORDER, 10_000));
        scheduler.runDue();
        dispatcher.dispatch(callback("P-3", OUT_OF_ORDER, 10_000));
        dispatcher.dispatch(callback("P-4", OUT_OF_ORDER, 10_000));
        scheduler.runDue();

        assertThat(chargeIdsSent()).containsExactly("P-2", "P-1", "P-4", "P-3");
    }

    @Test
    void aNeverCallbackDoesNotReleaseAHeldOne() {
        dispatcher.dispatch(callback("P-1", OUT_OF_ORDER, 10_000));
        dispatcher.dispatch(callback("P-2", NEVER, 0));
        scheduler.runDue();

        assertThat(sender.sent()).isEmpty();
    }

    private List<String> chargeIdsSent() {
        return sender.sent().stream()
                .map(s -> s.body().replaceAll("^\\{\"chargeId\":\"([^\"]+)\".*$", "$1"))
                .toList();
    }
}
