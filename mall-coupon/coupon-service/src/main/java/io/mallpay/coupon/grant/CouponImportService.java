package io.mallpay.coupon.grant;

import io.mallpay.coupon.api.CouponClient.CouponGrant;
import io.mallpay.coupon.api.CouponClient.CouponImportResponse;
import io.mallpay.coupon.template.CouponTemplate;
import io.mallpay.coupon.template.CouponTemplateMapper;
import io.mallpay.coupon.usercoupon.UserCoupon;
import io.mallpay.coupon.usercoupon.UserCouponMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grants coupons to users, idempotent on each grant's {@code grantKey}: a key granted before (or
 * twice in one request) is counted once, as unchanged, and its coupon is left as it is, whatever
 * state it has reached. A template is created from the first grant naming its code; later grants
 * of that code keep the existing template's discount and minimum (pence).
 */
@Service
@Transactional
public class CouponImportService {

    private static final Logger log = LoggerFactory.getLogger(CouponImportService.class);

    /** Rows per multi-row INSERT: large enough to be fast, small enough to retry one by one. */
    static final int CHUNK = 500;

    private final UserCouponMapper coupons;
    private final CouponTemplateMapper templates;

    public CouponImportService(UserCouponMapper coupons, CouponTemplateMapper templates) {
        this.coupons = coupons;
        this.templates = templates;
    }

    /** Inserts an AVAILABLE coupon per new grant key; returns how many were inserted and unchanged. */
    public CouponImportResponse importCoupons(List<CouponGrant> grants) {
        Map<String, CouponGrant> byKey = new LinkedHashMap<>();
        grants.forEach(g -> byKey.putIfAbsent(g.grantKey(), g));
        Map<String, Long> templateIds = templateIds(byKey.values());

        List<UserCoupon> fresh = new ArrayList<>();
        for (List<String> keys : chunks(new ArrayList<>(byKey.keySet()))) {
            Set<String> existing = new HashSet<>(coupons.selectExistingGrantKeys(keys));
            keys.stream().filter(k -> !existing.contains(k))
                    .map(k -> newCoupon(byKey.get(k), templateIds))
                    .forEach(fresh::add);
        }
        int inserted = 0;
        for (List<UserCoupon> chunk : chunks(fresh)) {
            inserted += insert(chunk);
        }
        log.info("coupon import: {} inserted, {} unchanged", inserted, byKey.size() - inserted);
        return new CouponImportResponse(inserted, byKey.size() - inserted);
    }

    /** Code → template id, creating the templates not seen before. */
    private Map<String, Long> templateIds(Collection<CouponGrant> grants) {
        Map<String, CouponGrant> firstByCode = new LinkedHashMap<>();
        grants.forEach(g -> firstByCode.putIfAbsent(g.templateCode(), g));
        Map<String, Long> ids = new HashMap<>();
        for (CouponTemplate t : templates.selectByCodes(firstByCode.keySet())) {
            ids.put(t.getCode(), t.getId());
            CouponGrant g = firstByCode.get(t.getCode());
            if (g.discountCents() != t.getDiscountCents() || g.minOrderCents() != t.getMinOrderCents()) {
                log.warn("grant of template {} asks {} off {} but the template has {} off {}: keeping the template",
                        t.getCode(), g.discountCents(), g.minOrderCents(), t.getDiscountCents(), t.getMinOrderCents());
            }
        }
        for (CouponGrant g : firstByCode.values()) {
            if (!ids.containsKey(g.templateCode())) {
                ids.put(g.templateCode(), createTemplate(g));
            }
        }
        return ids;
    }

    private Long createTemplate(CouponGrant g) {
        CouponTemplate t = new CouponTemplate(g.templateCode(), g.templateName(), g.discountCents(), g.minOrderCents());
        try {
            templates.insert(t);
            return t.getId();
        } catch (DuplicateKeyException concurrentImport) {
            // Another import created it since our lookup: theirs is the template.
            return templates.selectByCode(g.templateCode()).getId();
        }
    }

    /**
     * Inserts the chunk in one statement. If a concurrent import granted one of the keys since
     * the lookup, the statement fails as a whole (MySQL rolls back only that statement, not the
     * transaction), and the rows are inserted one by one, the taken keys counting as unchanged.
     */
    private int insert(List<UserCoupon> chunk) {
        try {
            return coupons.insertAvailable(chunk);
        } catch (DuplicateKeyException raced) {
            int inserted = 0;
            for (UserCoupon c : chunk) {
                try {
                    inserted += coupons.insertAvailable(List.of(c));
                } catch (DuplicateKeyException taken) {
                    log.debug("grant {} was imported concurrently", c.getGrantKey());
                }
            }
            return inserted;
        }
    }

    private static UserCoupon newCoupon(CouponGrant g, Map<String, Long> templateIds) {
        UserCoupon c = new UserCoupon();
        c.setGrantKey(g.grantKey());
        c.setUserId(g.userId());
        c.setTemplateId(templateIds.get(g.templateCode()));
        return c;
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }
}
