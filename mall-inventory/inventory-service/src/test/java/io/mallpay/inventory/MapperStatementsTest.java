package io.mallpay.inventory;

import com.baomidou.mybatisplus.core.MybatisConfiguration;
import com.baomidou.mybatisplus.core.metadata.TableInfo;
import com.baomidou.mybatisplus.core.metadata.TableInfoHelper;
import io.mallpay.inventory.catalog.Sku;
import io.mallpay.inventory.catalog.SkuMapper;
import io.mallpay.inventory.stock.ReservationStatus;
import io.mallpay.inventory.stock.StockMapper;
import io.mallpay.inventory.stock.StockReservation;
import io.mallpay.inventory.stock.StockReservationMapper;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.ParameterMapping;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parses the annotated mappers with the same MyBatis-Plus configuration class the service runs on,
 * without a database: catches broken {@code <script>} blocks and parameter names that only the
 * first real request would otherwise reveal. The SQL itself runs against MariaDB in the *IT suite.
 */
class MapperStatementsTest {

    static MybatisConfiguration config;

    @BeforeAll
    static void parseMappers() {
        config = new MybatisConfiguration();
        config.setMapUnderscoreToCamelCase(true);
        config.addMapper(SkuMapper.class);
        config.addMapper(StockMapper.class);
        config.addMapper(StockReservationMapper.class);
    }

    static BoundSql sql(Class<?> mapper, String method, Object parameter) {
        return config.getMappedStatement(mapper.getName() + "." + method).getBoundSql(parameter);
    }

    static String oneLine(BoundSql sql) {
        return sql.getSql().replaceAll("\\s+", " ").trim();
    }

    @Test
    void reserveIsOneConditionalUpdateThatCannotGoNegative() {
        BoundSql sql = sql(StockMapper.class, "reserve", Map.of("sku", "71053", "quantity", 2));

        assertThat(oneLine(sql)).isEqualTo("UPDATE sku SET available = available - ?, reserved = reserved + ?, "
                + "updated_at = NOW(3) WHERE sku = ? AND available >= ?");
        assertThat(sql.getParameterMappings()).extracting(ParameterMapping::getProperty)
                .containsExactly("quantity", "quantity", "sku", "quantity");
    }

    @Test
    void sellAndUnreserveGuardTheReservedCounter() {
        assertThat(oneLine(sql(StockMapper.class, "sell", Map.of("sku", "71053", "quantity", 2))))
                .contains("sold = sold + ?").endsWith("WHERE sku = ? AND reserved >= ?");
        assertThat(oneLine(sql(StockMapper.class, "unreserve", Map.of("sku", "71053", "quantity", 2))))
                .contains("available = available + ?").endsWith("WHERE sku = ? AND reserved >= ?");
    }

    @Test
    void reservationsAreReadWithARowLockInSkuOrder() {
        assertThat(oneLine(sql(StockReservationMapper.class, "lockByOrder", 7L)))
                .endsWith("WHERE order_id = ? ORDER BY sku FOR UPDATE");
    }

    @Test
    void reservationInsertBindsEveryKeyColumn() {
        BoundSql sql = sql(StockReservationMapper.class, "insert",
                new StockReservation(7L, "71053", 2, ReservationStatus.RESERVED));

        assertThat(sql.getParameterMappings()).extracting(ParameterMapping::getProperty)
                .containsExactly("orderId", "sku", "quantity", "status");
    }

    @Test
    void catalogInsertWritesOneRowPerSku() {
        List<Sku> skus = List.of(Sku.newInCatalogue("22423", "REGENCY CAKESTAND", 1275, 5),
                Sku.newInCatalogue("71053", "WHITE METAL LANTERN", 339, 12));

        BoundSql sql = sql(SkuMapper.class, "insertAll", Map.of("skus", skus));

        assertThat(oneLine(sql)).contains("VALUES (?, ?, ?, ?, 0, 0, ?, 0, NOW(3), NOW(3)) , (?, ?, ?, ?, 0, 0, ?, 0, NOW(3), NOW(3))");
        assertThat(sql.getParameterMappings()).hasSize(10);
    }

    @Test
    void skuIsTheCatalogueKeyForTheGeneratedByIdStatements() {
        TableInfo table = TableInfoHelper.getTableInfo(Sku.class);

        assertThat(table.getTableName()).isEqualTo("sku");
        assertThat(table.getKeyColumn()).isEqualTo("sku");
        assertThat(config.hasStatement(SkuMapper.class.getName() + ".selectBatchIds")).isTrue();
        assertThat(table.getFieldList()).extracting(f -> f.getColumn())
                .contains("price_cents", "initial_stock", "available", "reserved", "sold", "restocked");
    }

    @Test
    void storefrontPageIsOrderedBySku() {
        assertThat(oneLine(sql(SkuMapper.class, "findPage", Map.of("offset", 40L, "limit", 20))))
                .endsWith("ORDER BY sku LIMIT ? OFFSET ?");
    }
}
