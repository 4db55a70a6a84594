package fr.boussole.console.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Ends a signed-in session as soon as its account no longer is what it was at sign-in
 * ({@link SessionStamp}): password changed (a reset, or an administrator setting it), account
 * deactivated or deleted, role, organisation or territory changed. Runs on every console request before
 * authorisation, so the very next request of such a session is anonymous (sent to the sign-in page) and
 * its server-side session is invalidated. One account read per signed-in request.
 */
class SessionCheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionCheck.class);

    private final ConsoleAccounts accounts;

    SessionCheck(ConsoleAccounts accounts) {
        this.accounts = accounts;
    }

    /** Style sheets and images hold nothing of an account: no read for them. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/console/assets/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof ConsoleUser user && !stillValid(authentication, user)) {
            log.info("Session of account {} ended: the account changed or was deactivated since sign-in", user.accountId());
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }

    private boolean stillValid(Authentication authentication, ConsoleUser user) {
        String stamp = SessionStamp.of(authentication);
        Optional<ConsoleUser> current = accounts.byEmail(user.email());
        return stamp != null && current.isPresent() && current.get().enabled()
                && current.get().accountId().equals(user.accountId())
                && stamp.equals(SessionStamp.digest(current.get()));
    }
}
