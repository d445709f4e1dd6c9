package io.throughline.console.internal;

import io.throughline.platform.StaffPermission;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts what the layout needs on every console page: the areas the signed-in member of staff may open. */
@ControllerAdvice(basePackageClasses = ConsoleModelAdvice.class)
class ConsoleModelAdvice {

    @ModelAttribute("areas")
    List<ConsoleArea> areas(@Nullable Authentication staff) {
        return ConsoleArea.navigationFor(staff);
    }

    /** The permissions the member of staff holds, by name, so a page offers only what she may do. */
    @ModelAttribute("may")
    Set<String> may(@Nullable Authentication staff) {
        return Arrays.stream(StaffPermission.values()).filter(permission -> permission.allows(staff))
                .map(StaffPermission::name).collect(Collectors.toUnmodifiableSet());
    }
}
