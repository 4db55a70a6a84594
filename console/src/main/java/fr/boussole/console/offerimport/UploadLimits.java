package fr.boussole.console.offerimport;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * The size limit of uploads, and what a person sees when they go over it. The container refuses the
 * body before any controller runs, so the refusal is turned here into a redirect to the import page
 * with a message, instead of an error page.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

    /** Request limit: the file plus the form's other fields. */
    static final long MAX_REQUEST_BYTES = UploadedCsv.MAX_BYTES + 64 * 1024;

    /**
     * Replaces Spring Boot's default (1 MB, from {@code spring.servlet.multipart.*}): the console's
     * offer and organisation imports are the application's only uploads, and spreadsheets of a few thousand offers weigh
     * a few megabytes.
     */
    @Bean
    MultipartConfigElement multipartConfigElement() {
        return new MultipartConfigElement("", UploadedCsv.MAX_BYTES, MAX_REQUEST_BYTES, 0);
    }

    @ControllerAdvice
    static class TooLarge {

        @ExceptionHandler(MaxUploadSizeExceededException.class)
        ResponseEntity<Void> tooLarge(HttpServletRequest request) {
            String form = request.getServletPath() + pathInfo(request);
            if (UploadedCsv.FORMS.contains(form)) {
                return ResponseEntity.status(HttpStatus.SEE_OTHER)
                        .header("Location", request.getContextPath() + form + "?trop-lourd")
                        .build();
            }
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
        }

        private static String pathInfo(HttpServletRequest request) {
            return request.getPathInfo() == null ? "" : request.getPathInfo();
        }
    }
}
