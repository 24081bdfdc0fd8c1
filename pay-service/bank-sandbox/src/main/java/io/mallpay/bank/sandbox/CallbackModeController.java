package io.mallpay.bank.sandbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fault injection for tests: how the sandbox delivers result callbacks. A mode applies to charges
 * submitted after it is set (each charge records the mode in force at submission). Idempotent:
 * setting the same mode twice changes nothing. Errors: 400 {@code VALIDATION_FAILED}.
 */
@RestController
@RequestMapping("/bank/sandbox/callback-mode")
@Tag(name = "sandbox", description = "Fault modes of the bank sandbox's callbacks (tests only)")
public class CallbackModeController {

    private final CallbackModeSettings settings;

    public CallbackModeController(CallbackModeSettings settings) {
        this.settings = settings;
    }

    /** Sets the mode of one card, or the global default; answers the modes now in force. */
    @PostMapping
    @Operation(summary = "Set a callback fault mode",
            description = "NORMAL: one callback. TWICE: the same body twice, new nonce and timestamp each. "
                    + "LATE: one callback after delayMillis. NEVER: none (the status query still answers). "
                    + "OUT_OF_ORDER: held back and sent after the next charge's callback, or after delayMillis. "
                    + "With cardNumber the mode applies to that card only, else it is the global default. "
                    + "delayMillis defaults to 5000.")
    public CallbackModeResponse set(@Valid @RequestBody CallbackModeRequest request) {
        settings.set(request.setting(), request.cardNumber());
        return current();
    }

    /** The global default and the per-card overrides. */
    @GetMapping
    @Operation(summary = "Show the callback fault modes in force")
    public CallbackModeResponse current() {
        return new CallbackModeResponse(settings.global(), settings.cards());
    }

    /** Back to NORMAL for every card; handy between tests. */
    @DeleteMapping
    @Operation(summary = "Reset every callback fault mode to NORMAL")
    public CallbackModeResponse reset() {
        settings.reset();
        return current();
    }
}
