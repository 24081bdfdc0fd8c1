package io.mallpay.common.sentinel;

import com.alibaba.csp.sentinel.Constants;
import com.alibaba.csp.sentinel.datasource.nacos.NacosDataSource;
import com.alibaba.csp.sentinel.property.PropertyListener;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.util.Properties;

/**
 * Sentinel's global switch ({@link Constants#ON}, what Sentinel's own command centre sets with
 * {@code setSwitch}; that transport is not served here) read live from Nacos: Data ID
 * {@code sentinel-switch.json} in group {@code SENTINEL_GROUP} (nacos-config/sentinel/), one
 * document for every process, {@code {"on": true}}. Off, every resource entry skips Sentinel's
 * slot chain: no statistics, no flow or hot-parameter rule, no circuit breaker — the process runs
 * as if Sentinel were absent, without a restart. An operator's kill switch, and how
 * {@code ./mall bench --sentinel-pairs} measures what Sentinel costs in warm JVMs.
 *
 * <p>A missing, empty or unreadable document means on (protection is the safe default; an
 * unreadable one is logged). Every change of state is logged at WARN. The state is shown by
 * {@code GET /actuator/circuits} ({@code "sentinelOn"}).
 */
public final class SentinelSwitch implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SentinelSwitch.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NacosDataSource<Boolean> source;

    /** Listens to {@code dataId} in {@code group} on the Nacos server {@code nacos} describes. */
    public SentinelSwitch(Properties nacos, String group, String dataId) {
        source = new NacosDataSource<>(nacos, group, dataId, SentinelSwitch::parse);
        source.getProperty().addListener(new PropertyListener<>() {
            @Override
            public void configUpdate(Boolean on) {
                apply(on);
            }

            @Override
            public void configLoad(Boolean on) {
                apply(on);
            }
        });
    }

    /** {@code {"on": false}} is false; anything else (absent, blank, {@code true}, junk) is true. */
    static Boolean parse(String document) {
        if (document == null || document.isBlank()) {
            return true;
        }
        try {
            JsonNode on = JSON.readTree(document).path("on");
            if (on.isBoolean()) {
                return on.booleanValue();
            }
        } catch (Exception e) {
            // logged below
        }
        log.error("sentinel-switch: cannot read {} (expected {\"on\": true|false}): Sentinel stays on", document);
        return true;
    }

    static synchronized void apply(Boolean on) {
        boolean value = on == null || on;
        if (Constants.ON != value) {
            Constants.ON = value;
            log.warn("Sentinel switched {} from Nacos (sentinel-switch.json): flow rules, hot-parameter rules and "
                    + "circuit breakers {}", value ? "ON" : "OFF", value ? "apply again" : "no longer apply here");
        }
    }

    public static boolean on() {
        return Constants.ON;
    }

    @Override
    public void destroy() throws Exception {
        source.close();
    }
}
