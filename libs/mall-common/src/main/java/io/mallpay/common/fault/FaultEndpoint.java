package io.mallpay.common.fault;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;

import java.util.Map;

/**
 * {@code /actuator/faults}: GET lists armed points; POST {@code {"point","action":"HALT|DELAY|FAIL",
 * "millis","times"}} arms one; DELETE (optionally {@code ?point=}) disarms. Registered only when
 * {@code mall.fault.enabled=true}; see {@link FaultInjection}.
 */
@Endpoint(id = "faults")
public class FaultEndpoint {

    private final FaultInjection faults;

    public FaultEndpoint(FaultInjection faults) {
        this.faults = faults;
    }

    @ReadOperation
    public Map<String, FaultInjection.Armed> armed() {
        return faults.armed();
    }

    @WriteOperation
    public Map<String, FaultInjection.Armed> arm(String point, String action, @Nullable Long millis,
                                                 @Nullable Integer times) {
        faults.arm(point, FaultInjection.Action.valueOf(action), millis == null ? 0 : millis, times == null ? 1 : times);
        return faults.armed();
    }

    @DeleteOperation
    public Map<String, FaultInjection.Armed> disarm(@Nullable String point) {
        faults.disarm(point);
        return faults.armed();
    }
}
