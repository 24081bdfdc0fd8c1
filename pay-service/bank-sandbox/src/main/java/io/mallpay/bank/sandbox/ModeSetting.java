package io.mallpay.bank.sandbox;

/**
 * A callback mode and its delay in milliseconds (used by LATE and, as the time-out of the hold,
 * by OUT_OF_ORDER; ignored by the others).
 */
public record ModeSetting(CallbackMode mode, long delayMillis) {

    /** Delay used when a request names none: long enough to be visibly late in a test. */
    public static final long DEFAULT_DELAY_MILLIS = 5000;

    public static final ModeSetting NORMAL = new ModeSetting(CallbackMode.NORMAL, DEFAULT_DELAY_MILLIS);

    public ModeSetting {
        if (mode == null || delayMillis < 0) {
            throw new IllegalArgumentException("a mode and a non-negative delay are required");
        }
    }
}
