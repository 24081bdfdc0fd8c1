package io.mallpay.bank.charge;

import io.mallpay.bank.problem.BankException;
import io.mallpay.bank.sandbox.CallbackModeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.util.UUID;

/**
 * Takes card charges and answers their status. Submission only records the charge as ACCEPTED and
 * hands it to the {@link ChargeProcessor}; the debit and the callback happen later, off the request
 * thread. Idempotent on {@code chargeId}: the same request again gets the same answer and never a
 * second debit; a different card, amount, merchant reference or callback URL under a known
 * {@code chargeId} is 409 {@code CHARGE_CONFLICT}. Amounts in pence. Errors also: 404
 * {@code UNKNOWN_CHARGE} on the status query.
 *
 * <p>Deliberately not transactional: the single insert commits before the decision thread reads
 * it, and each read sees the latest committed rows.
 */
@Service
public class ChargeService {

    private static final Logger log = LoggerFactory.getLogger(ChargeService.class);

    private final ChargeMapper charges;
    private final ChargeProcessor processor;
    private final CallbackModeSettings modes;

    public ChargeService(ChargeMapper charges, ChargeProcessor processor, CallbackModeSettings modes) {
        this.charges = charges;
        this.processor = processor;
        this.modes = modes;
    }

    /** Records the charge as ACCEPTED and starts its decision; see the class comment for idempotency. */
    public ChargeAcceptedResponse submit(ChargeRequest request) {
        Charge existing = charges.selectById(request.chargeId());
        if (existing != null) {
            return sameOrConflict(existing, request);
        }
        Charge charge = Charge.accepted(request, newBankTxnId(), modes.effectiveFor(request.cardNumber()).mode());
        try {
            charges.insert(charge);
        } catch (DuplicateKeyException concurrentSubmit) {
            Charge winner = charges.selectById(request.chargeId());
            if (winner == null) {
                throw concurrentSubmit;
            }
            return sameOrConflict(winner, request);
        }
        log.info("charge {} accepted: {} pence on card {} for {} (callback mode {})", charge.getChargeId(),
                charge.getAmountCents(), charge.getCardNumber(), charge.getMerchantRef(), charge.getCallbackMode());
        processor.submit(charge.getChargeId());
        return ChargeAcceptedResponse.of(charge);
    }

    /** The charge's current state, or 404 {@code UNKNOWN_CHARGE}. */
    public ChargeStatusResponse status(String chargeId) {
        Charge charge = charges.selectById(chargeId);
        if (charge == null) {
            throw BankException.unknownCharge(chargeId);
        }
        return ChargeStatusResponse.of(charge);
    }

    private static ChargeAcceptedResponse sameOrConflict(Charge existing, ChargeRequest request) {
        if (!existing.sameRequestAs(request)) {
            throw new BankException(HttpStatus.CONFLICT, "CHARGE_CONFLICT", "charge " + request.chargeId()
                    + " was already submitted with a different card, amount, merchant reference or callback URL");
        }
        log.info("charge {} submitted again: same answer, no second debit", request.chargeId());
        return ChargeAcceptedResponse.of(existing);
    }

    private static String newBankTxnId() {
        return "BTX-" + UUID.randomUUID();
    }
}
