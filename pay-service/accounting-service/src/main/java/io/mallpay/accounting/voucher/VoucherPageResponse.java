package io.mallpay.accounting.voucher;

import java.util.List;

/**
 * A page of vouchers in id order. {@code nextAfterId} is the {@code afterId} of the next page, or
 * null when this page was not full (the end, as of now).
 */
public record VoucherPageResponse(List<VoucherResponse> vouchers, Long nextAfterId) {
}
