package io.mallpay.bank.sandbox;

import java.util.Map;

/** The fault modes in force: the global default and the per-card overrides. */
public record CallbackModeResponse(ModeSetting global, Map<String, ModeSetting> cards) {
}
