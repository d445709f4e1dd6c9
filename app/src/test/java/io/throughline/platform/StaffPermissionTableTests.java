package io.throughline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The permission table's rules for {@code @PreAuthorize} each ask the table for the permission they name. */
class StaffPermissionTableTests {

    @Test
    void everyPermissionHasOneRuleAskingTheTableForItself() throws IllegalAccessException {
        List<Field> rules = Arrays.stream(StaffPermission.Rules.class.getDeclaredFields())
                .filter(field -> Modifier.isPublic(field.getModifiers())).toList();
        assertThat(rules.stream().map(Field::getName))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(StaffPermission.values()).map(Enum::name).toList());
        for (Field rule : rules) {
            assertThat(rule.get(null)).isEqualTo("T(io.throughline.platform.StaffPermission)." + rule.getName()
                    + ".allows(authentication)");
        }
    }

    @Test
    void agentsReadMessagesAndAnalystsReadJourneysButNeitherChangesThem() {
        var agent = staff(StaffRole.AGENT);
        var analyst = staff(StaffRole.ANALYST);

        assertThat(StaffPermission.READ_MESSAGES.allows(agent)).isTrue();
        assertThat(StaffPermission.EDIT_MESSAGES.allows(agent)).isFalse();
        assertThat(StaffPermission.READ_JOURNEYS.allows(analyst)).isTrue();
        assertThat(StaffPermission.STEER_JOURNEYS.allows(analyst)).isFalse();
        assertThat(StaffPermission.READ_CUSTOMERS.allows(analyst)).isFalse();
        assertThat(StaffPermission.READ_JOURNEYS.allows((org.springframework.security.core.Authentication) null))
                .isFalse();
    }

    private static UsernamePasswordAuthenticationToken staff(StaffRole role) {
        return UsernamePasswordAuthenticationToken.authenticated("someone", null,
                List.of(new SimpleGrantedAuthority(role.authority())));
    }
}
