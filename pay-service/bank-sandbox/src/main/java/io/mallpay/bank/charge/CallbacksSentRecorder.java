package io.mallpay.bank.charge;

import io.mallpay.bank.callback.DeliveryListener;
import org.springframework.stereotype.Component;

/** Counts each acknowledged callback in {@code charge.callbacks_sent}. */
@Component
public class CallbacksSentRecorder implements DeliveryListener {

    private final ChargeMapper charges;

    public CallbacksSentRecorder(ChargeMapper charges) {
        this.charges = charges;
    }

    @Override
    public void delivered(String chargeId) {
        charges.countCallback(chargeId);
    }
}
