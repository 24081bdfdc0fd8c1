package io.mallpay.bank.callback;

/** Told each time the platform acknowledged a charge's callback with a 2xx (counts callbacks_sent). */
public interface DeliveryListener {

    void delivered(String chargeId);
}
