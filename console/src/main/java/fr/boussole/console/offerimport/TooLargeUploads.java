package fr.boussole.console.offerimport;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;

/**
 * Sends an import over the size limit back to the form with a message. The servlet container
 * refuses such a body the first time anything reads a parameter, and the first reader is the
 * security filter's CSRF check: without this filter, running before it, the person would get a bare
 * "413" or "403" page instead of the import page.
 */
@Component
class TooLargeUploads extends OncePerRequestFilter implements Ordered {

    /** After Spring Boot's character encoding filter, well before Spring Security's chain (-100). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return !"POST".equals(request.getMethod()) || contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")
                || !UploadedCsv.FORMS.contains(form(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts();
        } catch (IllegalStateException | ServletException | IOException failure) {
            if (tooLarge(failure)) {
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", request.getRequestURI() + "?trop-lourd");
                return;
            }
            // Other broken bodies go on, to be refused by the usual handlers.
        }
        chain.doFilter(request, response);
    }

    private static String form(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static boolean tooLarge(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (name.contains("SizeLimitExceeded") || name.contains("SizeException") || message.contains("exceed")) {
                return true;
            }
        }
        return false;
    }
}
