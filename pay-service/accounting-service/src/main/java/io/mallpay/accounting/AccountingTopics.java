package io.mallpay.accounting;

import org.apache.rocketmq.common.MixAll;

/**
 * RocketMQ names of the accounting subsystem. The consumer group is fixed, not configurable: its
 * dead-letter topic {@code %DLQ%pay-accounting} is pre-created by the stack's broker launcher, and
 * its consumed offsets are what "nothing is lost" rests on.
 */
public final class AccountingTopics {

    /** Consumer group of PAYMENT_ACCOUNTING. */
    public static final String CONSUMER_GROUP = "pay-accounting";
    /** Where RocketMQ puts the group's dead letters: {@code %DLQ%pay-accounting}. */
    public static final String DLQ_TOPIC = MixAll.getDLQTopic(CONSUMER_GROUP);
    /** Producer group of re-drives (a plain producer: no transactional check-back). */
    public static final String REDRIVE_PRODUCER_GROUP = "pay-accounting-redrive";

    private AccountingTopics() {
    }

    /**
     * A RocketMQ instance name unique to this process and role, e.g. {@code pay-accounting@4711}:
     * two JVMs on one host never share a client id (which would make the broker see one consumer).
     */
    public static String instanceName(String role) {
        return role + "@" + ProcessHandle.current().pid();
    }
}
