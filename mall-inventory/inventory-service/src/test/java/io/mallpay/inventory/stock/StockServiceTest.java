package io.mallpay.inventory.stock;

import io.mallpay.common.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;

import java.util.List;

import static io.mallpay.inventory.stock.Reservations.BOTTLE;
import static io.mallpay.inventory.stock.Reservations.HEART_HOLDER;
import static io.mallpay.inventory.stock.Reservations.LANTERN;
import static io.mallpay.inventory.stock.Reservations.ORDER;
import static io.mallpay.inventory.stock.Reservations.line;
import static io.mallpay.inventory.stock.Reservations.row;
import static io.mallpay.inventory.stock.ReservationStatus.RELEASED;
import static io.mallpay.inventory.stock.ReservationStatus.RESERVED;
import static io.mallpay.inventory.stock.ReservationStatus.SOLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

@ExtendWith(MockitoExtension.class)
class StockServiceTest {

    @Mock
    StockMapper stock;
    @Mock
    StockReservationMapper reservations;

    StockService service() {
        return new StockService(stock, reservations);
    }

    @Test
    void reserveMovesEveryLineAndRecordsItInSkuOrder() {
        when(stock.reserve(anyString(), anyInt())).thenReturn(1);

        service().reserve(ORDER, List.of(line(LANTERN, 2), line(BOTTLE, 1), line(HEART_HOLDER, 3)));

        InOrder order = inOrder(stock, reservations);
        order.verify(stock).reserve(LANTERN, 2);
        order.verify(reservations).insert(any());
        order.verify(stock).reserve(BOTTLE, 1);
        order.verify(reservations).insert(any());
        order.verify(stock).reserve(HEART_HOLDER, 3);
        ArgumentCaptor<StockReservation> rows = ArgumentCaptor.forClass(StockReservation.class);
        verify(reservations, times(3)).insert(rows.capture());
        assertThat(rows.getAllValues()).extracting(StockReservation::getSku)
                .containsExactly(LANTERN, BOTTLE, HEART_HOLDER);
        assertThat(rows.getAllValues()).allSatisfy(r -> {
            assertThat(r.getOrderId()).isEqualTo(ORDER);
            assertThat(r.getStatus()).isEqualTo(RESERVED);
        });
    }

    @Test
    void secondReserveOfTheSameOrderIsANoOp() {
        when(reservations.countByOrder(ORDER)).thenReturn(1L);

        service().reserve(ORDER, List.of(line(HEART_HOLDER, 3)));

        verify(stock, never()).reserve(anyString(), anyInt());
        verify(reservations, never()).insert(any());
    }

    @Test
    void shortStockIsOutOfStockNamingSkuAvailableAndRequested() {
        when(stock.reserve(LANTERN, 2)).thenReturn(1);
        when(stock.reserve(HEART_HOLDER, 5)).thenReturn(0);
        when(stock.available(HEART_HOLDER)).thenReturn(4);

        assertThatThrownBy(() -> service().reserve(ORDER, List.of(line(HEART_HOLDER, 5), line(LANTERN, 2))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("OUT_OF_STOCK");
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.getMessage()).contains(HEART_HOLDER, "4 available", "5 requested");
                });
        // 71053 sorts first and was moved; the exception is what rolls it back with the transaction.
        verify(reservations, times(1)).insert(any());
    }

    @Test
    void unknownSkuIs404() {
        when(stock.reserve("NOPE", 1)).thenReturn(0);
        when(stock.available("NOPE")).thenReturn(null);

        assertThatThrownBy(() -> service().reserve(ORDER, List.of(line("NOPE", 1))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("UNKNOWN_SKU");
                    assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND);
                });
    }

    @Test
    void duplicateSkuOrZeroQuantityIsBadQuantityBeforeAnyWrite() {
        assertThatThrownBy(() -> service().reserve(ORDER, List.of(line(LANTERN, 1), line(LANTERN, 2))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("BAD_QUANTITY"));
        assertThatThrownBy(() -> service().reserve(ORDER, List.of(line(LANTERN, 0))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("BAD_QUANTITY"));

        verify(stock, never()).reserve(anyString(), anyInt());
    }

    @Test
    void missingOrderIdIsRejected() {
        assertThatThrownBy(() -> service().reserve(0, List.of(line(LANTERN, 1))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("VALIDATION_FAILED"));
    }

    @Test
    void concurrentReserveOfTheSameOrderIsAConflict() {
        when(stock.reserve(LANTERN, 1)).thenReturn(1);
        when(reservations.insert(any())).thenThrow(new DuplicateKeyException("PRIMARY"));

        assertThatThrownBy(() -> service().reserve(ORDER, List.of(line(LANTERN, 1))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("CONCURRENT_UPDATE"));
    }

    @Test
    void deductSellsReservedLines() {
        when(reservations.lockByOrder(ORDER)).thenReturn(List.of(row(BOTTLE, 1, RESERVED), row(LANTERN, 2, RESERVED)));
        when(stock.sell(anyString(), anyInt())).thenReturn(1);
        when(reservations.transition(ORDER, BOTTLE, RESERVED, SOLD)).thenReturn(1);
        when(reservations.transition(ORDER, LANTERN, RESERVED, SOLD)).thenReturn(1);

        service().deduct(ORDER);

        InOrder order = inOrder(stock);
        order.verify(stock).sell(BOTTLE, 1);
        order.verify(stock).sell(LANTERN, 2);
    }

    @Test
    void deductOfAnAlreadySoldOrderIsANoOp() {
        when(reservations.lockByOrder(ORDER)).thenReturn(List.of(row(BOTTLE, 1, SOLD), row(LANTERN, 2, SOLD)));

        service().deduct(ORDER);

        verify(stock, never()).sell(anyString(), anyInt());
        verify(reservations, never()).transition(anyLong(), any(), any(), any());
    }

    @Test
    void deductWithoutReservationIs404AndAfterReleaseIs409() {
        when(reservations.lockByOrder(ORDER)).thenReturn(List.of());
        assertThatThrownBy(() -> service().deduct(ORDER))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("NO_RESERVATION");
                    assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND);
                });

        when(reservations.lockByOrder(ORDER)).thenReturn(List.of(row(BOTTLE, 1, RELEASED)));
        assertThatThrownBy(() -> service().deduct(ORDER))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("RESERVATION_RELEASED");
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                });
        verify(stock, never()).sell(anyString(), anyInt());
    }

    @Test
    void releaseAfterSoldIsRefusedAndMovesNothing() {
        when(reservations.lockByOrder(ORDER)).thenReturn(List.of(row(BOTTLE, 1, SOLD)));

        assertThatThrownBy(() -> service().release(ORDER))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("RESERVATION_SOLD");
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                });
        verify(stock, never()).unreserve(anyString(), anyInt());
    }

    @Test
    void releaseReturnsReservedUnitsOnceThenIsANoOp() {
        when(reservations.lockByOrder(ORDER)).thenReturn(List.of(row(LANTERN, 2, RESERVED)));
        when(stock.unreserve(LANTERN, 2)).thenReturn(1);
        when(reservations.transition(ORDER, LANTERN, RESERVED, RELEASED)).thenReturn(1);
        service().release(ORDER);

        when(reservations.lockByOrder(ORDER)).thenReturn(List.of(row(LANTERN, 2, RELEASED)));
        service().release(ORDER);

        verify(stock, times(1)).unreserve(LANTERN, 2);
    }

    @Test
    void releaseOfAnOrderThatReservedNothingIsANoOp() {
        when(reservations.lockByOrder(ORDER)).thenReturn(List.of());

        service().release(ORDER);

        verify(stock, never()).unreserve(anyString(), anyInt());
    }

    @Test
    void countersThatDisagreeWithTheReservationStopTheDeduct() {
        when(reservations.lockByOrder(ORDER)).thenReturn(List.of(row(LANTERN, 2, RESERVED)));
        when(stock.sell(LANTERN, 2)).thenReturn(0);

        assertThatThrownBy(() -> service().deduct(ORDER))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("STOCK_INCONSISTENT");
                    assertThat(e.status().is5xxServerError()).isTrue();
                });
        verify(reservations, never()).transition(anyLong(), any(), any(), any());
    }
}
