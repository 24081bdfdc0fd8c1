package io.mallpay.coupon.grant;

import io.mallpay.coupon.api.CouponClient.CouponGrant;
import io.mallpay.coupon.api.CouponClient.CouponImportResponse;
import io.mallpay.coupon.template.CouponTemplate;
import io.mallpay.coupon.template.CouponTemplateMapper;
import io.mallpay.coupon.usercoupon.UserCoupon;
import io.mallpay.coupon.usercoupon.UserCouponMapper;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DuplicateKeyException;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class CouponImportServiceTest {

    private final UserCouponMapper coupons = mock(UserCouponMapper.class);
    private final CouponTemplateMapper templates = mock(CouponTemplateMapper.class);
    private final CouponImportService importer = new CouponImportService(coupons, templates);

    private static CouponGrant grant(String key, long userId) {
        return new CouponGrant(key, userId, "GBP5_OFF_20", "£5 off £20", 500, 2000);
    }

    private void templateIsNew(long assignedId) {
        doAnswer(inv -> {
            inv.<CouponTemplate>getArgument(0).setId(assignedId);
            return 1;
        }).when(templates).insert(any(CouponTemplate.class));
    }

    @Test
    void createsTheTemplateOnFirstUseAndInsertsEveryNewGrant() {
        templateIsNew(9);
        when(coupons.insertAvailable(anyList())).thenAnswer(inv -> inv.<List<?>>getArgument(0).size());

        CouponImportResponse response = importer.importCoupons(List.of(grant("a", 1), grant("b", 2)));

        assertThat(response).isEqualTo(new CouponImportResponse(2, 0));
        ArgumentCaptor<CouponTemplate> template = ArgumentCaptor.forClass(CouponTemplate.class);
        verify(templates).insert(template.capture());
        assertThat(template.getValue().getCode()).isEqualTo("GBP5_OFF_20");
        assertThat(template.getValue().getDiscountCents()).isEqualTo(500);
        assertThat(template.getValue().getMinOrderCents()).isEqualTo(2000);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<UserCoupon>> rows = ArgumentCaptor.forClass(List.class);
        verify(coupons).insertAvailable(rows.capture());
        assertThat(rows.getValue()).extracting(UserCoupon::getGrantKey, UserCoupon::getUserId, UserCoupon::getTemplateId)
                .containsExactly(tuple("a", 1L, 9L), tuple("b", 2L, 9L));
    }

    @Test
    void existingGrantKeysAndTemplatesAreLeftUntouched() {
        CouponTemplate existing = new CouponTemplate("GBP5_OFF_20", "£5 off £20", 500, 2000);
        existing.setId(3L);
        when(templates.selectByCodes(anyCollection())).thenReturn(List.of(existing));
        when(coupons.selectExistingGrantKeys(anyCollection())).thenReturn(List.of("a"));
        when(coupons.insertAvailable(anyList())).thenAnswer(inv -> inv.<List<?>>getArgument(0).size());

        CouponImportResponse response = importer.importCoupons(List.of(grant("a", 1), grant("b", 2)));

        assertThat(response).isEqualTo(new CouponImportResponse(1, 1));
        verify(templates, never()).insert(any(CouponTemplate.class));
        verify(coupons).insertAvailable(argThat(l -> l.size() == 1 && l.get(0).getGrantKey().equals("b")));
    }

    @Test
    void aKeyTwiceInOneRequestCountsOnce() {
        templateIsNew(9);
        when(coupons.insertAvailable(anyList())).thenAnswer(inv -> inv.<List<?>>getArgument(0).size());

        CouponImportResponse response = importer.importCoupons(List.of(grant("a", 1), grant("a", 1)));

        assertThat(response).isEqualTo(new CouponImportResponse(1, 0));
    }

    @Test
    void nothingNewInsertsNothing() {
        templateIsNew(9);
        when(coupons.selectExistingGrantKeys(anyCollection())).thenReturn(List.of("a", "b"));

        CouponImportResponse response = importer.importCoupons(List.of(grant("a", 1), grant("b", 2)));

        assertThat(response).isEqualTo(new CouponImportResponse(0, 2));
        verify(coupons, never()).insertAvailable(anyList());
    }

    @Test
    void largeImportsAreInsertedInChunks() {
        templateIsNew(9);
        when(coupons.insertAvailable(anyList())).thenAnswer(inv -> inv.<List<?>>getArgument(0).size());
        List<CouponGrant> grants = IntStream.range(0, CouponImportService.CHUNK * 2 + 1)
                .mapToObj(i -> grant("k" + i, i + 1)).toList();

        CouponImportResponse response = importer.importCoupons(grants);

        assertThat(response.inserted()).isEqualTo(grants.size());
        verify(coupons, times(3)).insertAvailable(anyList());
    }

    @Test
    void aKeyGrantedConcurrentlyCountsAsUnchanged() {
        templateIsNew(9);
        // The multi-row insert meets a key another import inserted after our lookup; row by row, "b" is taken.
        when(coupons.insertAvailable(anyList())).thenAnswer(inv -> {
            List<UserCoupon> rows = inv.getArgument(0);
            if (rows.size() > 1 || rows.get(0).getGrantKey().equals("b")) {
                throw new DuplicateKeyException("Duplicate entry 'b' for key 'ux_user_coupon_grant_key'");
            }
            return 1;
        });

        CouponImportResponse response = importer.importCoupons(List.of(grant("a", 1), grant("b", 2), grant("c", 3)));

        assertThat(response).isEqualTo(new CouponImportResponse(2, 1));
    }

    @Test
    void aTemplateCreatedConcurrentlyIsReused() {
        when(templates.insert(any(CouponTemplate.class))).thenThrow(new DuplicateKeyException("Duplicate entry 'GBP5_OFF_20'"));
        CouponTemplate theirs = new CouponTemplate("GBP5_OFF_20", "£5 off £20", 500, 2000);
        theirs.setId(4L);
        when(templates.selectByCode("GBP5_OFF_20")).thenReturn(theirs);
        when(coupons.insertAvailable(anyList())).thenAnswer(inv -> inv.<List<?>>getArgument(0).size());

        importer.importCoupons(List.of(grant("a", 1)));

        verify(coupons).insertAvailable(argThat(l -> l.get(0).getTemplateId() == 4L));
    }
}
