package io.mallpay.accounting;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pay.accounting.*}: where the RocketMQ name server is and how the consumer and the
 * dead-letter tools behave. A JavaBean (not a record) so a Nacos refresh re-binds it; the push
 * consumer and the re-drive producer read their settings once when they start, the dead-letter
 * reader on every request. Durations are milliseconds.
 */
@ConfigurationProperties("pay.accounting")
public class AccountingProperties {

    /** {@code host:port[;host:port]} of the name server(s); default from env ROCKETMQ_NAMESRV. */
    private String namesrv = defaultNamesrv();
    private final Consumer consumer = new Consumer();
    private final DeadLetters deadLetters = new DeadLetters();

    static String defaultNamesrv() {
        String env = System.getenv("ROCKETMQ_NAMESRV");
        return env == null || env.isBlank() ? "127.0.0.1:9876" : env;
    }

    public String getNamesrv() {
        return namesrv;
    }

    public void setNamesrv(String namesrv) {
        this.namesrv = namesrv;
    }

    public Consumer getConsumer() {
        return consumer;
    }

    public DeadLetters getDeadLetters() {
        return deadLetters;
    }

    /** {@code pay.accounting.consumer.*}: the push consumer of PAYMENT_ACCOUNTING. */
    public static class Consumer {
        /** false: no consumer at all (unit tests, or a process that only serves the API). */
        private boolean enabled = true;
        private int consumeThreadMin = 4;
        private int consumeThreadMax = 8;
        /** Failed deliveries before RocketMQ moves a message to the DLQ (its retry schedule). */
        private int maxReconsumeTimes = 16;
        /** How long a shutdown waits for vouchers being booked. */
        private long shutdownAwaitMillis = 10_000;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getConsumeThreadMin() {
            return consumeThreadMin;
        }

        public void setConsumeThreadMin(int consumeThreadMin) {
            this.consumeThreadMin = consumeThreadMin;
        }

        public int getConsumeThreadMax() {
            return consumeThreadMax;
        }

        public void setConsumeThreadMax(int consumeThreadMax) {
            this.consumeThreadMax = consumeThreadMax;
        }

        public int getMaxReconsumeTimes() {
            return maxReconsumeTimes;
        }

        public void setMaxReconsumeTimes(int maxReconsumeTimes) {
            this.maxReconsumeTimes = maxReconsumeTimes;
        }

        public long getShutdownAwaitMillis() {
            return shutdownAwaitMillis;
        }

        public void setShutdownAwaitMillis(long shutdownAwaitMillis) {
            this.shutdownAwaitMillis = shutdownAwaitMillis;
        }
    }

    /** {@code pay.accounting.dead-letters.*}: reading and re-driving %DLQ%pay-accounting. */
    public static class DeadLetters {
        /** Consumer group of the DLQ reader; it never commits offsets. */
        private String readerGroup = "pay-accounting-dlq-reader";
        /** One poll of the DLQ reader. */
        private long pollTimeoutMillis = 1_000;
        /** A whole DLQ scan; past it the listing is what was read so far (logged at WARN). */
        private long scanTimeoutMillis = 15_000;
        /** At most this many dead letters are read per scan. */
        private int maxMessages = 10_000;
        /** Send timeout of a re-drive. */
        private int sendTimeoutMillis = 3_000;

        public String getReaderGroup() {
            return readerGroup;
        }

        public void setReaderGroup(String readerGroup) {
            this.readerGroup = readerGroup;
        }

        public long getPollTimeoutMillis() {
            return pollTimeoutMillis;
        }

        public void setPollTimeoutMillis(long pollTimeoutMillis) {
            this.pollTimeoutMillis = pollTimeoutMillis;
        }

        public long getScanTimeoutMillis() {
            return scanTimeoutMillis;
        }

        public void setScanTimeoutMillis(long scanTimeoutMillis) {
            this.scanTimeoutMillis = scanTimeoutMillis;
        }

        public int getMaxMessages() {
            return maxMessages;
        }

        public void setMaxMessages(int maxMessages) {
            this.maxMessages = maxMessages;
        }

        public int getSendTimeoutMillis() {
            return sendTimeoutMillis;
        }

        public void setSendTimeoutMillis(int sendTimeoutMillis) {
            this.sendTimeoutMillis = sendTimeoutMillis;
        }
    }
}
