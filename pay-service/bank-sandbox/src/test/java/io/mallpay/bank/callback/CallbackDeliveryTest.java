package io.mallpay.bank.callback;

import io.mallpay.bank.signature.BankSignature;
import io.mallpay.bank.signature.BankSigner;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackDeliveryTest {

    private static final String URL = "http://127.0.0.1:8085/cb";
    private static final String BODY = "{\"chargeId\":\"P-1\"}";

    private final FakeSender sender = new FakeSender();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> delivered = new ArrayList<>();
    private final AtomicInteger finished = new AtomicInteger();
    private final CallbackDelivery delivery = new CallbackDelivery(sender,
            new BankSigner(new BankSignature("delivery-test-secret"), Clock.systemUTC()),
            scheduler, delivered::add, 4, 1000);

    @Test
    void retriesFailuresWithAWideningBackoffUntilA2xx() {
        sender.answering(500, -1, 503);

        delivery.deliver("P-1", URL, BODY, finished::incrementAndGet);
        scheduler.runDue();
        assertThat(sender.sent()).hasSize(1);

        scheduler.advance(999);
        assertThat(sender.sent()).hasSize(1);
        scheduler.advance(1);
        assertThat(sender.sent()).hasSize(2);

        scheduler.advance(2000);
        assertThat(sender.sent()).hasSize(3);
        scheduler.advance(4000);
        assertThat(sender.sent()).hasSize(4);

        assertThat(delivered).containsExactly("P-1");
        assertThat(finished).hasValue(1);
        // every try is signed afresh
        assertThat(sender.sent()).extracting(FakeSender.Sent::nonce).doesNotHaveDuplicates();
    }

    @Test
    void givesUpAfterTheLastAttemptWithoutCountingADelivery() {
        sender.answering(500, 500, 500, 500, 500);

        delivery.deliver("P-1", URL, BODY, finished::incrementAndGet);
        scheduler.advance(60_000);

        assertThat(sender.sent()).hasSize(4);
        assertThat(delivered).isEmpty();
        assertThat(finished).hasValue(1);
        assertThat(scheduler.idle()).isTrue();
    }

    @Test
    void aClientErrorIsRetriedToo() {
        sender.answering(400);

        delivery.deliver("P-1", URL, BODY, finished::incrementAndGet);
        scheduler.advance(1000);

        assertThat(sender.sent()).hasSize(2);
        assertThat(delivered).containsExactly("P-1");
    }

    @Test
    void aFailingListenerNeitherResendsNorStopsTheChain() {
        CallbackDelivery failingCount = new CallbackDelivery(sender,
                new BankSigner(new BankSignature("delivery-test-secret"), Clock.systemUTC()), scheduler,
                chargeId -> {
                    throw new IllegalStateException("database down");
                }, 4, 1000);

        failingCount.deliver("P-1", URL, BODY, finished::incrementAndGet);
        scheduler.advance(60_000);

        assertThat(sender.sent()).hasSize(1);
        assertThat(finished).hasValue(1);
    }
}
