package io.throughline.console.internal;

import io.throughline.platform.NotFoundException;
import io.throughline.platform.ThroughlineException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** Console pages answer errors with a page in the console's layout, not with an API problem document. */
@ControllerAdvice(basePackageClasses = ConsoleErrorAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrorAdvice {

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound(Exception exception) {
        return page(HttpStatus.NOT_FOUND, "error.not-found", null, "error.not-found.text");
    }

    @ExceptionHandler(ThroughlineException.class)
    ModelAndView rejected(ThroughlineException exception) {
        return page(HttpStatus.BAD_REQUEST, "error.not-possible", exception.getMessage(), "error.not-possible");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(AccessDeniedException exception) {
        return page(HttpStatus.FORBIDDEN, "error.not-allowed", null, "error.not-allowed.text");
    }

    /** The heading and, unless the exception says it better, the text come from the {@code layout} bundle. */
    private static ModelAndView page(HttpStatus status, String heading, @Nullable String message, String messageKey) {
        ModelAndView page = new ModelAndView("console/error");
        page.setStatus(status);
        // Not "title": inside the layout that name is the page's <title> fragment and would win.
        page.addObject("heading", heading);
        page.addObject("message", message);
        page.addObject("messageKey", messageKey);
        page.addObject("areas", ConsoleArea.navigationFor(
                org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication()));
        return page;
    }
}
