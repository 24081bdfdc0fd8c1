package io.mallpay.points.api;

/**
 * The published contract of {@code mall-points}: its Nacos service name, which consumers' Feign
 * clients resolve through the registry. Owns users' points accounts (available / frozen) and the points ledger; AT branches freeze, spend, unfreeze, award, and the TCC action for reward points.
 */
public final class PointsApi {

    /** Service name in Nacos ({@code spring.application.name} of the provider). */
    public static final String SERVICE = "mall-points";

    private PointsApi() {
    }
}
