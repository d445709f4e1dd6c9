package io.throughline.console.internal;

import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts what the layout needs on every console page. */
@ControllerAdvice(basePackageClasses = ConsoleModelAdvice.class)
class ConsoleModelAdvice {

    @ModelAttribute("areas")
    List<ConsoleArea> areas() {
        return List.of(ConsoleArea.values());
    }
}
