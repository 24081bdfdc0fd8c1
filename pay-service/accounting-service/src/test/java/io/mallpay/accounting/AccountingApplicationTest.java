package io.mallpay.accounting;

import io.mallpay.accounting.consumer.PaymentPaidConsumer;
import io.mallpay.accounting.consumer.PaymentPaidListener;
import io.mallpay.accounting.deadletter.DeadLetterReader;
import io.mallpay.accounting.deadletter.MessageRepublisher;
import io.mallpay.accounting.deadletter.RocketDeadLetterReader;
import io.mallpay.accounting.deadletter.RocketMessageRepublisher;
import io.mallpay.pay.api.PaymentPaidEvent;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static io.mallpay.accounting.AccountingMother.card;
import static io.mallpay.accounting.AccountingMother.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole application wires up and migrates its schema through mall-common's Flyway hook, with
 * H2 standing in for MariaDB and no Nacos, Seata or broker: the consumer stays off (test
 * application.yml), so this proves the wiring, not the messaging (that is the lead's *IT).
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:accounting-app;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
        "spring.flyway.locations=classpath:db/migration",
        "spring.cloud.nacos.config.import-check.enabled=false",
        "spring.main.banner-mode=off",
        "mybatis-plus.global-config.banner=false"})
@AutoConfigureMockMvc
class AccountingApplicationTest {

    @Autowired
    private MockMvc mvc;
    @Autowired
    private PaymentPaidConsumer consumer;
    @Autowired
    private DeadLetterReader reader;
    @Autowired
    private MessageRepublisher republisher;
    @Autowired
    private PaymentPaidListener listener;

    @Test
    void startsWithTheConsumerDisabledAndTheRocketMqAdaptersWired() {
        assertThat(consumer.isRunning()).isFalse();
        assertThat(reader).isInstanceOf(RocketDeadLetterReader.class);
        assertThat(republisher).isInstanceOf(RocketMessageRepublisher.class);
    }

    @Test
    void aMessageThroughTheListenerShowsUpInTheOperatorApi() throws Exception {
        ConsumeConcurrentlyStatus status = listener.consumeMessage(List.of(AccountingMother.message(json(card()))),
                new ConsumeConcurrentlyContext(new MessageQueue(PaymentPaidEvent.TOPIC, "broker-a", 0)));

        assertThat(status).isEqualTo(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);

        mvc.perform(get("/api/accounting/vouchers/" + card().paymentId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines.length()").value(3));
        mvc.perform(get("/api/accounting/trial-balance"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balanced").value(true))
                .andExpect(jsonPath("$.voucherCount").value(1));
        mvc.perform(get("/api/accounting/stats"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.voucherCount").value(1))
                .andExpect(jsonPath("$.lastVoucherAt").isNotEmpty());
    }
}
