package io.mallpay.bank.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fault modes in force: a global default (NORMAL at start) and optional per-card overrides,
 * which win over the default. Held in memory only, so a restart of the sandbox resets them.
 * Thread-safe; setting the same mode again is a no-op.
 */
@Component
public class CallbackModeSettings {

    private static final Logger log = LoggerFactory.getLogger(CallbackModeSettings.class);

    private volatile ModeSetting global = ModeSetting.NORMAL;
    private final Map<String, ModeSetting> perCard = new ConcurrentHashMap<>();

    /** The setting for charges on this card: its override if it has one, else the global default. */
    public ModeSetting effectiveFor(String cardNumber) {
        return cardNumber == null ? global : perCard.getOrDefault(cardNumber, global);
    }

    /** Sets the override of {@code cardNumber}, or the global default when it is null. */
    public void set(ModeSetting setting, String cardNumber) {
        if (cardNumber == null) {
            global = setting;
            log.info("callback mode (global default) set to {}", setting);
        } else {
            perCard.put(cardNumber, setting);
            log.info("callback mode of card {} set to {}", cardNumber, setting);
        }
    }

    /** Back to NORMAL everywhere: the global default reset and every card override dropped. */
    public void reset() {
        global = ModeSetting.NORMAL;
        perCard.clear();
        log.info("callback modes reset to NORMAL");
    }

    public ModeSetting global() {
        return global;
    }

    /** A copy of the per-card overrides, sorted by card number. */
    public Map<String, ModeSetting> cards() {
        return new TreeMap<>(perCard);
    }
}
