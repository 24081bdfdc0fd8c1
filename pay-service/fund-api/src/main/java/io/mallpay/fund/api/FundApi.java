package io.mallpay.fund.api;

/**
 * The published contract of {@code pay-fund}: its Nacos service name, which consumers' Feign
 * clients resolve through the registry. The payment platform's fund-account subsystem: merchant
 * and user fund accounts (available / incoming / outgoing, in pence) and their ledger; TCC
 * participant of payment completion (credit a merchant, debit a user's wallet).
 */
public final class FundApi {

    /** Service name in Nacos ({@code spring.application.name} of the provider). */
    public static final String SERVICE = "pay-fund";

    private FundApi() {
    }
}
