package io.mallpay.accounting.voucher;

import io.mallpay.common.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Books vouchers and reads them back. Booking is idempotent on the payment id: the unique key on
 * {@code voucher.payment_id} is the guarantee, the look-up before it only spares the common
 * redelivery a failed insert. A voucher and its lines are written in one local transaction, only
 * after {@link Voucher#requireBalanced()} passed.
 *
 * <p>No Seata: these tables are written only here, never by a global transaction, so there is no
 * AT rollback a local write could disturb. Read errors: {@code UNKNOWN_VOUCHER} (404),
 * {@code VALIDATION_FAILED} (400) for a bad page request.
 */
@Service
public class VoucherService {

    private static final Logger log = LoggerFactory.getLogger(VoucherService.class);
    static final int MAX_PAGE = 1000;

    private final VoucherMapper vouchers;
    private final VoucherLineMapper lines;
    private final TransactionOperations tx;

    public VoucherService(VoucherMapper vouchers, VoucherLineMapper lines, TransactionOperations tx) {
        this.vouchers = vouchers;
        this.lines = lines;
        this.tx = tx;
    }

    /**
     * Writes {@code voucher} and its lines unless its payment already has a voucher
     * ({@link BookingResult#DUPLICATE}, nothing written; a duplicate whose amount or merchant
     * differs is logged at WARN, since the first booking stands). Throws
     * {@link IllegalStateException} for an unbalanced voucher and Spring's
     * {@code DataAccessException}s when the database fails; the caller retries those.
     */
    public BookingResult book(Voucher voucher) {
        voucher.requireBalanced();
        Voucher existing = vouchers.selectByPaymentId(voucher.getPaymentId());
        if (existing != null) {
            return duplicate(voucher, existing);
        }
        try {
            tx.executeWithoutResult(status -> insert(voucher));
        } catch (DuplicateKeyException race) {
            // another consumer thread or process booked the same payment between our look-up and insert
            Voucher winner = vouchers.selectByPaymentId(voucher.getPaymentId());
            if (winner == null) {
                throw race;
            }
            return duplicate(voucher, winner);
        }
        log.info("payment {} message {}: booked voucher {} ({} {} pence, {} lines)", voucher.getPaymentId(),
                voucher.getMessageId(), voucher.getId(), voucher.getMethod(), voucher.getAmountCents(),
                voucher.getLines().size());
        return BookingResult.BOOKED;
    }

    private void insert(Voucher voucher) {
        vouchers.insert(voucher);
        for (VoucherLine line : voucher.getLines()) {
            line.setVoucherId(voucher.getId());
            lines.insert(line);
        }
    }

    private static BookingResult duplicate(Voucher incoming, Voucher existing) {
        if (existing.getAmountCents() != incoming.getAmountCents()
                || !existing.getMerchantId().equals(incoming.getMerchantId())) {
            log.warn("payment {} message {}: already booked as voucher {} by message {} with amount {} for merchant {};"
                            + " this message says {} for merchant {}: kept the first booking",
                    incoming.getPaymentId(), incoming.getMessageId(), existing.getId(), existing.getMessageId(),
                    existing.getAmountCents(), existing.getMerchantId(), incoming.getAmountCents(),
                    incoming.getMerchantId());
        } else {
            log.info("payment {} message {}: already booked as voucher {} (by message {}): no-op",
                    incoming.getPaymentId(), incoming.getMessageId(), existing.getId(), existing.getMessageId());
        }
        return BookingResult.DUPLICATE;
    }

    /** The payment's voucher with its lines; {@code UNKNOWN_VOUCHER} (404) if it has none yet. */
    public VoucherResponse find(String paymentId) {
        Voucher v = vouchers.selectByPaymentId(paymentId);
        if (v == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_VOUCHER", "no voucher for payment " + paymentId);
        }
        return VoucherResponse.of(v, lines.selectByVoucherIds(List.of(v.getId())));
    }

    /**
     * Up to {@code limit} (1..1000) vouchers with an id above {@code afterId} (&ge; 0), by id, with
     * their lines; {@code nextAfterId} is set when the page is full. {@code VALIDATION_FAILED} (400)
     * otherwise.
     */
    public VoucherPageResponse page(long afterId, int limit) {
        if (limit < 1 || limit > MAX_PAGE || afterId < 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                    "limit must be 1.." + MAX_PAGE + " and afterId >= 0, got limit " + limit + ", afterId " + afterId);
        }
        List<Voucher> page = vouchers.selectPage(afterId, limit);
        if (page.isEmpty()) {
            return new VoucherPageResponse(List.of(), null);
        }
        Map<Long, List<VoucherLine>> byVoucher = lines.selectByVoucherIds(page.stream().map(Voucher::getId).toList())
                .stream().collect(Collectors.groupingBy(VoucherLine::getVoucherId));
        List<VoucherResponse> out = page.stream()
                .map(v -> VoucherResponse.of(v, byVoucher.getOrDefault(v.getId(), List.of())))
                .toList();
        Long next = page.size() == limit ? page.get(page.size() - 1).getId() : null;
        return new VoucherPageResponse(out, next);
    }
}
