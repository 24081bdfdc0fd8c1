package io.mallpay.inventory.api;

/**
 * The published contract of {@code mall-inventory}: its Nacos service name, which consumers' Feign
 * clients resolve through the registry. Owns stock per SKU (available / reserved / sold); AT branches reserve, deduct and release.
 */
public final class InventoryApi {

    /** Service name in Nacos ({@code spring.application.name} of the provider). */
    public static final String SERVICE = "mall-inventory";

    private InventoryApi() {
    }
}
