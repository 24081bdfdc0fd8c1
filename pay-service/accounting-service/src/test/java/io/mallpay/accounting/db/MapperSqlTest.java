package io.mallpay.accounting.db;

import com.baomidou.mybatisplus.core.MybatisConfiguration;
import io.mallpay.accounting.deadletter.DeadLetterRedrive;
import io.mallpay.accounting.deadletter.DeadLetterRedriveMapper;
import io.mallpay.accounting.deadletter.PoisonMessageMapper;
import io.mallpay.accounting.ledger.LedgerMapper;
import io.mallpay.accounting.voucher.PaymentPaidEventParser;
import io.mallpay.accounting.voucher.Voucher;
import io.mallpay.accounting.voucher.VoucherFactory;
import io.mallpay.accounting.voucher.VoucherLineMapper;
import io.mallpay.accounting.voucher.VoucherMapper;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.ParameterMapping;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.mallpay.accounting.AccountingMother.card;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads the mappers into a MyBatis-Plus configuration, without a database, and checks the SQL
 * they will send to MariaDB: a typo in a parameter name, a lost condition or a timestamp column
 * the application should leave to the database would otherwise only show against the real stack.
 */
class MapperSqlTest {

    private static final MybatisConfiguration config = new MybatisConfiguration();

    @BeforeAll
    static void loadMappers() {
        config.setMapUnderscoreToCamelCase(true);
        config.addMapper(VoucherMapper.class);
        config.addMapper(VoucherLineMapper.class);
        config.addMapper(LedgerMapper.class);
        config.addMapper(PoisonMessageMapper.class);
        config.addMapper(DeadLetterRedriveMapper.class);
    }

    @Test
    void voucherInsertMapsEveryColumnButTheGeneratedOnes() {
        Voucher v = new VoucherFactory(new PaymentPaidEventParser()).build(card(), "m1");

        assertThat(sql(VoucherMapper.class, "insert", v))
                .contains("payment_id", "order_id", "merchant_id", "method", "amount_cents", "commission_cents",
                        "commission_rate", "message_id", "paid_at")
                .doesNotContain("created_at", "lines", "(id,");
        assertThat(sql(VoucherLineMapper.class, "insert", v.getLines().get(0)))
                .contains("voucher_line", "line_no", "account_code", "account_name", "direction", "amount_cents")
                .doesNotContain("counterparty");   // null on a bank-clearing line: left to the column default
    }

    @Test
    void voucherLookupsAreByPaymentIdAndKeysetPages() {
        assertThat(sql(VoucherMapper.class, "selectByPaymentId", "P1")).endsWith("FROM voucher WHERE payment_id = ?");
        BoundSql page = bound(VoucherMapper.class, "selectPage", Map.of("afterId", 5L, "limit", 10));
        assertThat(page.getSql()).contains("WHERE id > ? ORDER BY id LIMIT ?");
        assertThat(page.getParameterMappings()).extracting(ParameterMapping::getProperty).containsExactly("afterId", "limit");
    }

    @Test
    void linesAreFetchedForAllVouchersOfAPageAtOnce() {
        BoundSql b = bound(VoucherLineMapper.class, "selectByVoucherIds", Map.of("voucherIds", List.of(1L, 2L, 3L)));

        assertThat(b.getSql().replaceAll("\\s+", " ")).contains("WHERE voucher_id IN ( ? , ? , ? )")
                .endsWith("ORDER BY voucher_id, line_no");
    }

    @Test
    void trialBalanceSumsEachSideAndChecksEveryVoucherAgainstItsAmount() {
        assertThat(sql(LedgerMapper.class, "accountTotals", null))
                .contains("SUM(CASE WHEN direction = 'DEBIT' THEN amount_cents ELSE 0 END) AS debit_cents",
                        "SUM(CASE WHEN direction = 'CREDIT' THEN amount_cents ELSE 0 END) AS credit_cents",
                        "GROUP BY account_code, account_name");
        assertThat(sql(LedgerMapper.class, "unbalancedVoucherIds", 1000))
                .contains("LEFT JOIN voucher_line", "<> v.amount_cents OR", "LIMIT ?");
    }

    @Test
    void poisonReasonIsAnUpsertAndRedriveCompletionIsByMessageId() {
        BoundSql upsert = bound(PoisonMessageMapper.class, "upsert", Map.of("messageId", "m1", "key", "P1", "reason", "r"));
        assertThat(upsert.getSql()).contains("ON DUPLICATE KEY UPDATE message_key = ?, reason = ?");
        assertThat(upsert.getParameterMappings()).extracting(ParameterMapping::getProperty)
                .containsExactly("messageId", "key", "reason", "key", "reason");
        assertThat(sql(DeadLetterRedriveMapper.class, "recordNewMessageId", Map.of("messageId", "m1", "newMessageId", "m2")))
                .isEqualTo("UPDATE dead_letter_redrive SET new_message_id = ? WHERE message_id = ?");
        assertThat(sql(DeadLetterRedriveMapper.class, "insert", DeadLetterRedrive.claim("m1", false)))
                .contains("message_id", "body_changed").doesNotContain("new_message_id", "redriven_at");
    }

    private static String sql(Class<?> mapper, String method, Object args) {
        return bound(mapper, method, args).getSql().replaceAll("\\s+", " ").trim();
    }

    private static BoundSql bound(Class<?> mapper, String method, Object args) {
        return config.getMappedStatement(mapper.getName() + "." + method).getBoundSql(args);
    }
}
