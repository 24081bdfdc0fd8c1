package io.mallpay.accounting.deadletter;

import io.mallpay.accounting.AccountingTopics;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.mallpay.accounting.AccountingMother.MESSAGE_ID;
import static io.mallpay.accounting.AccountingMother.PAID_AT;
import static io.mallpay.accounting.AccountingMother.PAYMENT;
import static io.mallpay.accounting.AccountingMother.message;
import static org.assertj.core.api.Assertions.assertThat;

/** The broker-free parts of the DLQ reader: what a dead letter shows and when the DLQ is simply empty. */
class RocketDeadLetterReaderTest {

    @Test
    void theDeadLetterTopicIsTheConsumerGroupsOwn() {
        assertThat(AccountingTopics.DLQ_TOPIC).isEqualTo("%DLQ%pay-accounting");
    }

    @Test
    void aDeadLetterKeepsIdKeyBirthRetriesAndBody() {
        MessageExt m = message("{\"paymentId\":\"P1\"}");
        m.setReconsumeTimes(16);

        DeadLetter d = RocketDeadLetterReader.toDeadLetter(m);

        assertThat(d).isEqualTo(new DeadLetter(MESSAGE_ID, PAYMENT, PAID_AT, 16, "{\"paymentId\":\"P1\"}"));
    }

    @Test
    void aBodylessMessageShowsAnEmptyBody() {
        MessageExt m = message(null);
        m.setBornTimestamp(0);

        assertThat(RocketDeadLetterReader.toDeadLetter(m)).extracting(DeadLetter::body, DeadLetter::bornAt)
                .containsExactly("", Instant.EPOCH);
    }

    @Test
    void aMissingTopicMeansNoDeadLettersButOtherFailuresDoNot() {
        MQClientException notExist = new MQClientException(ResponseCode.TOPIC_NOT_EXIST, "No topic route info");
        MQClientException wrapped = new MQClientException("Can not find Message Queue for this topic", notExist);

        assertThat(RocketDeadLetterReader.topicMissing(wrapped)).isTrue();
        assertThat(RocketDeadLetterReader.topicMissing(new MQClientException("connect to null failed", null))).isFalse();
        assertThat(RocketDeadLetterReader.topicMissing(new MQClientException(ResponseCode.SYSTEM_ERROR, "busy"))).isFalse();
    }
}
