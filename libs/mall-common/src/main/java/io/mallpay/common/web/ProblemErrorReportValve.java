package io.mallpay.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat's error report for what never reaches Spring MVC, as problem+json instead of Tomcat's
 * HTML page (issue 12, item 6): a request Tomcat itself refuses (an encoded slash or dot segment
 * in the path, {@code 400}; request headers over {@code server.max-http-request-header-size},
 * {@code 400}; a URI that cannot be parsed) gets the same shape as every other rejection —
 * {@code type urn:mallpay:problem:<code>}, {@code title} and {@code code} = the code, {@code status},
 * {@code detail} — with a code from the status: {@code BAD_REQUEST} 400, {@code NOT_FOUND} 404,
 * {@code METHOD_NOT_ALLOWED} 405, {@code PAYLOAD_TOO_LARGE} 413, {@code URI_TOO_LONG} 414,
 * {@code HEADERS_TOO_LARGE} 431, {@code INTERNAL_ERROR} 500, else {@code HTTP_<status>}. Nothing
 * of the request is echoed and no stack trace is written.
 *
 * <p>Installed as the Tomcat host's error report valve by {@code MallCommonAutoConfiguration}.
 * Like the valve it replaces, it writes only when the response is an error (status ≥ 400) that
 * nothing has written a body for.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String code = codeFor(status);
        HttpStatus known = HttpStatus.resolve(status);
        String detail = known != null ? known.getReasonPhrase() : "HTTP " + status;
        log.info("rejected {} by the servlet container: {} {}", code, status, response.getMessage());
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer w = response.getReporter();
            if (w != null) {
                w.write(body(status, code, detail));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("could not write the problem report for status {}", status, e);
        }
    }

    /**
     * The problem document for {@code status}, as {@link Problems} builds it: a JSON object with
     * type, title, status, detail, code, in that order. {@code code} must be URI-safe, as every
     * {@link #codeFor} code is ({@link IllegalArgumentException} otherwise); throws
     * {@link IllegalStateException} if Jackson cannot write the document.
     */
    static String body(int status, String code, String detail) {
        try {
            return JSON.writeValueAsString(Problems.fields(Problems.problem(status, code, detail)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stable code of a container-level error with this status. */
    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 431 -> "HEADERS_TOO_LARGE";
            case 500 -> "INTERNAL_ERROR";
            default -> "HTTP_" + status;
        };
    }
}
