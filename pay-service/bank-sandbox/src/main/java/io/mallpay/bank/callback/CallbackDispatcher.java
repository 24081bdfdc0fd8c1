package io.mallpay.bank.callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Sends a decided charge's callback the way its fault mode says: NORMAL once; TWICE the same body
 * twice, the second after the first delivery ends; LATE once after the delay; NEVER not at all;
 * OUT_OF_ORDER held back until the next callback that is sent has been delivered, or until its
 * delay runs out. While a callback is held, the next OUT_OF_ORDER one is not held but overtakes it,
 * so a run of OUT_OF_ORDER charges arrives in swapped pairs. Returns at once; all sending happens
 * on the {@link CallbackScheduler}. The body is serialised once, so every send carries the same
 * bytes (only the signature headers differ). Thread-safe. Held callbacks live in memory only.
 */
@Component
public class CallbackDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CallbackDispatcher.class);

    private final CallbackDelivery delivery;
    private final CallbackScheduler scheduler;
    private final ObjectMapper mapper;
    private final List<Held> held = new ArrayList<>();

    public CallbackDispatcher(CallbackDelivery delivery, CallbackScheduler scheduler, ObjectMapper mapper) {
        this.delivery = delivery;
        this.scheduler = scheduler;
        this.mapper = mapper;
    }

    /** Sends (or holds, or drops) the callback according to {@code callback.setting()}. */
    public void dispatch(Callback callback) {
        String json = serialise(callback.body());
        long delay = callback.setting().delayMillis();
        switch (callback.setting().mode()) {
            case NORMAL -> send(callback, json, 1);
            case TWICE -> send(callback, json, 2);
            case LATE -> {
                log.info("callback of charge {} will be sent in {} ms (LATE)", callback.chargeId(), delay);
                scheduler.schedule(delay, () -> send(callback, json, 1));
            }
            case NEVER -> log.info("callback of charge {} not sent (NEVER)", callback.chargeId());
            case OUT_OF_ORDER -> {
                if (holdIfNothingHeld(callback, json, delay)) {
                    log.info("callback of charge {} held back (OUT_OF_ORDER, at most {} ms)", callback.chargeId(), delay);
                } else {
                    send(callback, json, 1);
                }
            }
        }
    }

    private synchronized boolean holdIfNothingHeld(Callback callback, String json, long delay) {
        if (!held.isEmpty()) {
            return false;
        }
        Held h = new Held(callback, json);
        held.add(h);
        scheduler.schedule(delay, () -> releaseOnTimeout(h));
        return true;
    }

    /** Delivers {@code copies} sends one after the other, then lets any held callback follow. */
    private void send(Callback callback, String json, int copies) {
        Runnable next = copies > 1 ? () -> send(callback, json, copies - 1) : this::releaseHeld;
        delivery.deliver(callback.chargeId(), callback.url(), json, next);
    }

    private void releaseHeld() {
        List<Held> due;
        synchronized (this) {
            due = List.copyOf(held);
            held.clear();
        }
        for (Held h : due) {
            log.info("held callback of charge {} released after a later one", h.callback().chargeId());
            delivery.deliver(h.callback().chargeId(), h.callback().url(), h.json(), () -> { });
        }
    }

    private void releaseOnTimeout(Held h) {
        synchronized (this) {
            if (!held.remove(h)) {
                return;
            }
        }
        log.info("held callback of charge {} released: no later callback came in time", h.callback().chargeId());
        delivery.deliver(h.callback().chargeId(), h.callback().url(), h.json(), () -> { });
    }

    private String serialise(CallbackBody body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the callback of charge " + body.chargeId(), e);
        }
    }

    private record Held(Callback callback, String json) {
    }
}
