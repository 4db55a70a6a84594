package fr.boussole.console.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    @GetMapping("/console/login")
    String login() {
        return "console/login";
    }
}
