package fr.boussole.console.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class PasswordResetController {

    static final String ASK = "console/password-forgotten";
    static final String CHOOSE = "console/password-new";

    private final PasswordResets resets;

    PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    @GetMapping("/console/mot-de-passe/oubli")
    String ask() {
        return ASK;
    }

    @PostMapping("/console/mot-de-passe/oubli")
    String send(@RequestParam String email, Model model, HttpServletRequest request) {
        resets.requestFor(email, request.getRemoteAddr());
        model.addAttribute("sent", true);
        return ASK;
    }

    @GetMapping("/console/mot-de-passe/nouveau/{token}")
    String choose(@PathVariable String token, Model model, HttpServletResponse response) {
        if (!resets.usable(token)) {
            response.setStatus(HttpServletResponse.SC_GONE);
            model.addAttribute("invalid", true);
        }
        model.addAttribute("token", token);
        model.addAttribute("minLength", PasswordResets.MIN_LENGTH);
        return CHOOSE;
    }

    @PostMapping("/console/mot-de-passe/nouveau/{token}")
    String set(@PathVariable String token, @RequestParam String password, @RequestParam String confirmation,
               Model model, HttpServletResponse response) {
        model.addAttribute("token", token);
        model.addAttribute("minLength", PasswordResets.MIN_LENGTH);
        if (!password.equals(confirmation) || password.length() < PasswordResets.MIN_LENGTH) {
            model.addAttribute("mismatch", true);
            return CHOOSE;
        }
        if (!resets.reset(token, password)) {
            response.setStatus(HttpServletResponse.SC_GONE);
            model.addAttribute("invalid", true);
            return CHOOSE;
        }
        return "redirect:/console/login?reset";
    }
}
