package io.mallpay.bank.charge;

import io.mallpay.bank.card.CardLedgerEntry;
import io.mallpay.bank.card.CardLedgerMapper;
import io.mallpay.bank.card.CardMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Decides one ACCEPTED charge in one local transaction: the charge row is locked, the card is
 * debited by a conditional UPDATE that refuses to go below zero, and then either the charge is
 * SUCCEEDED with a ledger row of minus the amount (pence), or it is DECLINED (balance short or card
 * unknown) and nothing is debited. Idempotent: a charge that is unknown or already decided is left
 * alone and the answer is empty, so a second decider (the sweep) can never debit twice.
 */
@Service
public class ChargeDecider {

    private static final Logger log = LoggerFactory.getLogger(ChargeDecider.class);

    private final ChargeMapper charges;
    private final CardMapper cards;
    private final CardLedgerMapper ledger;
    private final Clock clock;

    public ChargeDecider(ChargeMapper charges, CardMapper cards, CardLedgerMapper ledger, Clock clock) {
        this.charges = charges;
        this.cards = cards;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The charge as decided now, or empty if there was nothing to decide. */
    @Transactional
    public Optional<Charge> decide(String chargeId) {
        Charge charge = charges.selectForUpdate(chargeId);
        if (charge == null) {
            log.warn("charge {} to decide does not exist", chargeId);
            return Optional.empty();
        }
        if (charge.getStatus() != ChargeStatus.ACCEPTED) {
            return Optional.empty();
        }
        // Millisecond precision: the column keeps milliseconds, and the callback must say what the query says.
        Instant decidedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ChargeStatus outcome;
        if (cards.debit(charge.getCardNumber(), charge.getAmountCents()) == 1) {
            ledger.insert(CardLedgerEntry.debit(charge.getCardNumber(), chargeId, charge.getAmountCents()));
            outcome = ChargeStatus.SUCCEEDED;
        } else {
            outcome = ChargeStatus.DECLINED;
        }
        if (charges.decide(chargeId, outcome, decidedAt) != 1) {
            // The row is locked FOR UPDATE, so this cannot happen; rolling back keeps the debit honest.
            throw new IllegalStateException("charge " + chargeId + " changed while it was being decided");
        }
        charge.setStatus(outcome);
        charge.setDecidedAt(decidedAt);
        log.info("charge {} {}: {} pence on card {}{}", chargeId, outcome, charge.getAmountCents(),
                charge.getCardNumber(), outcome == ChargeStatus.DECLINED ? declineReason(charge) : "");
        return Optional.of(charge);
    }

    private String declineReason(Charge charge) {
        return cards.selectById(charge.getCardNumber()) == null ? " (unknown card)" : " (insufficient funds)";
    }
}
