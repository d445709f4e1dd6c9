package io.throughline.platform.internal.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Checks passwords for the sign-in form, consulting the {@link SignInThrottle} before and after. */
final class ThrottledSignInProvider implements AuthenticationProvider {

    /** Refusal while the throttle holds; the sign-in page says to wait rather than "wrong password". */
    static final class SignInThrottledException extends AuthenticationException {
        SignInThrottledException() {
            super("Too many failed sign-ins; try again later");
        }
    }

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;

    ThrottledSignInProvider(AuthenticationProvider passwords, SignInThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? String.valueOf(details.getRemoteAddress()) : "unknown";
        if (throttle.isBlocked(email, address)) {
            throw new SignInThrottledException();
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(email, address);
            return result;
        } catch (BadCredentialsException | org.springframework.security.authentication.DisabledException refused) {
            throttle.failed(email, address);
            throw refused;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
