package fr.boussole.console.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Sends the user back to the login page with a reason it may show: {@code locked} for a locked email or
 * address alike (including the failure that reached a limit), {@code error} otherwise, the same for an
 * unknown email as for a known one. Failures are already counted: each attempt was reserved before its
 * password check ({@link ConsoleAuthentication}).
 */
@Component
class LoginFailureHandler extends SimpleUrlAuthenticationFailureHandler {

    private final Lockout lockout;

    LoginFailureHandler(Lockout lockout) {
        this.lockout = lockout;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String email = request.getParameter("email");
        String address = request.getRemoteAddr();
        boolean locked = exception instanceof LockedException || lockout.locked(email) || lockout.addressLocked(address);
        getRedirectStrategy().sendRedirect(request, response, "/console/login?" + (locked ? "locked" : "error"));
    }
}
