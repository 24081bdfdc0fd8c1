package io.mallpay.common.web;

import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place the mallpay problem shape is built, for {@link ProblemHandler} (Spring MVC
 * rejections) and {@link ProblemErrorReportValve} (rejections by the servlet container): a problem
 * with a stable code {@code C} has {@code type urn:mallpay:problem:C}, {@code title C}, a
 * {@code code C} property, its HTTP {@code status} and a human-readable {@code detail}.
 */
final class Problems {

    /** Prefix of every problem type URI; the code follows it. */
    static final String TYPE_PREFIX = "urn:mallpay:problem:";

    private Problems() {
    }

    /**
     * A problem with {@code status} (the HTTP status code, any int; not validated), {@code code}
     * and {@code detail} (may be null). {@code code} must be URI-safe (the codes in use are
     * {@code [A-Z0-9_]+}); one that is not makes {@link URI#create} throw
     * {@link IllegalArgumentException}.
     */
    static ProblemDetail problem(int status, String code, String detail) {
        ProblemDetail p = ProblemDetail.forStatus(status);
        p.setDetail(detail);
        return withCode(p, code);
    }

    /**
     * Gives {@code p} the code's type, title and {@code code} property, replacing any type and
     * title it had; returns {@code p}. Throws as {@link #problem} does for a code that is not URI-safe.
     */
    static ProblemDetail withCode(ProblemDetail p, String code) {
        p.setType(URI.create(TYPE_PREFIX + code));
        p.setTitle(code);
        p.setProperty("code", code);
        return p;
    }

    /**
     * {@code p} as the ordered map to serialize as problem+json when no Spring message converter
     * is at hand: {@code type} (the URI as a string), {@code title}, {@code status} (an Integer),
     * {@code detail} (null when absent), then {@code instance} only when set, then every property
     * in insertion order ({@code code} for a problem from {@link #problem}).
     */
    static Map<String, Object> fields(ProblemDetail p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", p.getType().toString());
        m.put("title", p.getTitle());
        m.put("status", p.getStatus());
        m.put("detail", p.getDetail());
        if (p.getInstance() != null) {
            m.put("instance", p.getInstance().toString());
        }
        if (p.getProperties() != null) {
            m.putAll(p.getProperties());
        }
        return m;
    }
}
