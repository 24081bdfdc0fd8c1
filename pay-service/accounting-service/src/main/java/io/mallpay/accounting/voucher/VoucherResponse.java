package io.mallpay.accounting.voucher;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A voucher as the operator API shows it. Amounts in pence; {@code commissionRate} a decimal
 * string with 4 places ({@code "0.0200"}); times ISO-8601 UTC; {@code messageId} is the RocketMQ
 * message that booked it.
 */
public record VoucherResponse(long voucherId, String paymentId, long orderId, String merchantId, String method,
                              long amountCents, long commissionCents, String commissionRate, String messageId,
                              Instant paidAt, Instant createdAt, List<VoucherLineResponse> lines) {

    static VoucherResponse of(Voucher v, List<VoucherLine> lines) {
        return new VoucherResponse(v.getId(), v.getPaymentId(), v.getOrderId(), v.getMerchantId(), v.getMethod(),
                v.getAmountCents(), v.getCommissionCents(),
                v.getCommissionRate() == null ? null : v.getCommissionRate().toPlainString(), v.getMessageId(),
                utc(v.getPaidAt()), utc(v.getCreatedAt()), lines.stream().map(VoucherLineResponse::of).toList());
    }

    static Instant utc(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
