package fr.boussole.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with 413 a body over its endpoint's {@link BodyLimit}, before security, Spring MVC or Tomcat's
 * form parsing read it. A declared length is judged without reading anything; a chunked body (no
 * declared length) is read up to the limit and no further, then handed on from memory. The connection
 * is closed after a refusal, so the rest of an oversized body is never taken in.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestSizeFilter.class);

    private final String tooLargeForChat;

    RequestSizeFilter() {
        // The web chat's own bundle: its page shows this message to the young person as it shows the others.
        String message = ResourceBundle.getBundle("i18n/webchat", Locale.FRENCH).getString("chat.error.too-large");
        this.tooLargeForChat = "{\"error\":\"too-large\",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || BodyLimit.of(pathOf(request)).isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        BodyLimit limit = BodyLimit.of(pathOf(request)).orElseThrow();
        long declared = request.getContentLengthLong();
        if (declared > limit.maxBytes()) {
            refuse(response, limit);
            return;
        }
        if (declared >= 0) {
            chain.doFilter(request, response); // the container reads no more than the declared length
            return;
        }
        Optional<byte[]> body = readAtMost(request.getInputStream(), limit.maxBytes());
        if (body.isEmpty()) {
            refuse(response, limit);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body.get()), response);
    }

    /**
     * The path as the container decoded and normalised it, the one Spring MVC maps: the raw URI would let
     * {@code /webhooks/%74wilio} or {@code /webhooks/./twilio} reach the endpoint around its limit.
     */
    static String pathOf(HttpServletRequest request) {
        String path = request.getServletPath();
        return request.getPathInfo() == null ? path : path + request.getPathInfo();
    }

    /** The whole body when it is no longer than {@code max} bytes, else empty (and no more is read). */
    static Optional<byte[]> readAtMost(InputStream in, long max) throws IOException {
        byte[] bytes = in.readNBytes((int) max + 1);
        return bytes.length > max ? Optional.empty() : Optional.of(bytes);
    }

    private void refuse(HttpServletResponse response, BodyLimit limit) throws IOException {
        log.warn("Request body over {} bytes refused on {}", limit.maxBytes(), limit.path());
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setHeader(HttpHeaders.CONNECTION, "close");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (limit.json()) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write(tooLargeForChat);
        } else {
            response.setContentType(MediaType.TEXT_PLAIN_VALUE);
            response.getWriter().write("request body too large: at most " + limit.maxBytes() + " bytes");
        }
    }
}
