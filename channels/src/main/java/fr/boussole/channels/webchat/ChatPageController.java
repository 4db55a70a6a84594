package fr.boussole.channels.webchat;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /chat}: the static page (HTML, CSS and a little JavaScript, no build step). */
@Controller
class ChatPageController {

    @GetMapping("/chat")
    String page() {
        return "forward:/chat/index.html";
    }
}
