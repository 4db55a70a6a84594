package fr.boussole.app.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A chunked body read into memory by the size guard still gives the endpoint what the container would
 * have: the body itself, and a form's parameters decoded as Tomcat decodes them (and refused where Tomcat
 * refuses). Fails when a Twilio form sent chunked would lose or corrupt a parameter, or read malformed
 * input as text.
 */
class BufferedBodyRequestTest {

    @Test
    void a_form_body_gives_its_parameters_after_the_querys() {
        BufferedBodyRequest request = form("Body=bonjour+%C3%A9+%F0%9F%98%80&Body=second&Empty=&Flag&=x", "q=1");
        assertThat(request.getParameterValues("Body")).containsExactly("bonjour é 😀", "second");
        assertThat(request.getParameter("Empty")).isEmpty();
        assertThat(request.getParameter("Flag")).isEmpty();
        assertThat(request.getParameter("q")).isEqualTo("1");
        assertThat(request.getParameterMap().keySet()).startsWith("q");
    }

    @Test
    void raw_utf8_in_a_form_survives() {
        assertThat(form("Body=été", null).getParameter("Body")).isEqualTo("été");
    }

    @Test
    void malformed_percent_encoding_or_bytes_that_are_not_utf8_are_refused_as_the_container_refuses_them() {
        assertThatThrownBy(() -> form("Body=%zz", null).getParameterMap()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> form("Body=%E0%A4%A", null).getParameterMap()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> form("Body=%C0%AF", null).getParameterMap()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_body_can_be_read_again_from_memory() throws IOException {
        BufferedBodyRequest request = new BufferedBodyRequest(new MockHttpServletRequest("POST", "/api/chat/x/messages"),
                "{\"text\":\"é\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(request.getInputStream().readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("{\"text\":\"é\"}");
        assertThat(request.getContentLengthLong()).isEqualTo(13);
        assertThat(request.getParameterMap()).isEmpty();
    }

    @Test
    void a_body_is_read_up_to_the_limit_and_no_further() throws IOException {
        assertThat(RequestSizeFilter.readAtMost(new ByteArrayInputStream(new byte[10]), 10)).get().extracting(b -> b.length).isEqualTo(10);
        ByteArrayInputStream longer = new ByteArrayInputStream(new byte[100]);
        assertThat(RequestSizeFilter.readAtMost(longer, 10)).isEmpty();
        assertThat(longer.available()).as("bytes left unread").isEqualTo(89);
    }

    private static BufferedBodyRequest form(String body, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/webhooks/twilio");
        request.setContentType("application/x-www-form-urlencoded");
        request.setCharacterEncoding("UTF-8");
        if (query != null) {
            request.setQueryString(query);
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                request.addParameter(kv[0], kv[1]);
            }
        }
        return new BufferedBodyRequest(request, body.getBytes(StandardCharsets.UTF_8));
    }
}
