package io.throughline.service.internal;

import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Rows;
import io.throughline.service.BusinessCalendar;
import io.throughline.service.Medium;
import io.throughline.service.Priority;
import io.throughline.service.ServiceLevels;
import io.throughline.service.SlaPolicy;
import java.sql.Time;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service-level policies and business-hours calendars ({@code service.sla_policy}, {@code service.calendar} with
 * its hours and holidays), and the summary of targets kept, read from the cases themselves.
 */
@Service
class JdbcServiceLevels implements ServiceLevels {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId brandZone;

    JdbcServiceLevels(JdbcClient jdbc, Clock clock,
            @Value("${throughline.console.time-zone:UTC}") ZoneId brandZone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.brandZone = brandZone;
    }

    @Override
    public List<SlaPolicy> policies() {
        return jdbc.sql("SELECT * FROM service.sla_policy ORDER BY name, id").query((rs, row) -> new SlaPolicy(
                Rows.uuid(rs, "id"), rs.getString("name"), Rows.enumOrNull(rs, "priority", Priority.class),
                Rows.enumOrNull(rs, "medium", Medium.class), rs.getInt("first_response_minutes"),
                rs.getInt("resolution_minutes"), Rows.uuidOrNull(rs, "calendar_id"))).list();
    }

    @Override
    @Transactional
    public SlaPolicy savePolicy(@Nullable UUID id, String name, @Nullable Priority priority, @Nullable Medium medium,
            int firstResponseMinutes, int resolutionMinutes, @Nullable UUID calendarId) {
        String named = named(name);
        if (firstResponseMinutes < 1 || firstResponseMinutes > 525_600) {
            throw new InvalidRequestException("firstResponseMinutes", "must be between 1 and 525600 (a year)");
        }
        if (resolutionMinutes < firstResponseMinutes || resolutionMinutes > 525_600) {
            throw new InvalidRequestException("resolutionMinutes",
                    "must be at least the first-response target and at most 525600 (a year)");
        }
        if (calendarId != null && calendars().stream().noneMatch(calendar -> calendar.id().equals(calendarId))) {
            throw new InvalidRequestException("calendarId", "is not a calendar of the inbox");
        }
        UUID policyId = id == null ? Ids.newId(clock) : id;
        try {
            if (id == null) {
                jdbc.sql("""
                        INSERT INTO service.sla_policy (id, name, priority, medium, first_response_minutes,
                            resolution_minutes, calendar_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(policyId, named, priority == null ? null : priority.name(),
                                medium == null ? null : medium.name(), firstResponseMinutes, resolutionMinutes,
                                calendarId, Rows.timestamp(clock.instant())).update();
            } else if (jdbc.sql("""
                    UPDATE service.sla_policy SET name = ?, priority = ?, medium = ?, first_response_minutes = ?,
                        resolution_minutes = ?, calendar_id = ? WHERE id = ?""")
                    .params(named, priority == null ? null : priority.name(), medium == null ? null : medium.name(),
                            firstResponseMinutes, resolutionMinutes, calendarId, id).update() == 0) {
                throw new NotFoundException("SLA policy", id);
            }
        } catch (DuplicateKeyException taken) {
            throw new ConflictException("name", "another policy has that name");
        }
        return policies().stream().filter(policy -> policy.id().equals(policyId)).findFirst().orElseThrow();
    }

    @Override
    @Transactional
    public void deletePolicy(UUID id) {
        if (jdbc.sql("DELETE FROM service.sla_policy WHERE id = ?").param(id).update() == 0) {
            throw new NotFoundException("SLA policy", id);
        }
    }

    @Override
    public List<BusinessCalendar> calendars() {
        Map<UUID, List<BusinessCalendar.WorkingHours>> hours = new LinkedHashMap<>();
        jdbc.sql("SELECT calendar_id, weekday, opens, closes FROM service.calendar_hours ORDER BY weekday, opens")
                .query((rs, row) -> hours.computeIfAbsent(Rows.uuid(rs, "calendar_id"), id -> new ArrayList<>())
                        .add(new BusinessCalendar.WorkingHours(DayOfWeek.of(rs.getInt("weekday")),
                                rs.getTime("opens").toLocalTime(), rs.getTime("closes").toLocalTime())))
                .list();
        Map<UUID, List<BusinessCalendar.Holiday>> holidays = new LinkedHashMap<>();
        jdbc.sql("SELECT calendar_id, day, name FROM service.holiday ORDER BY day")
                .query((rs, row) -> holidays.computeIfAbsent(Rows.uuid(rs, "calendar_id"), id -> new ArrayList<>())
                        .add(new BusinessCalendar.Holiday(rs.getDate("day").toLocalDate(), rs.getString("name"))))
                .list();
        return jdbc.sql("SELECT id, name, zone FROM service.calendar ORDER BY name, id").query((rs, row) -> {
            UUID id = Rows.uuid(rs, "id");
            return new BusinessCalendar(id, rs.getString("name"), ZoneId.of(rs.getString("zone")),
                    hours.getOrDefault(id, List.of()), holidays.getOrDefault(id, List.of()));
        }).list();
    }

    @Override
    @Transactional
    public BusinessCalendar saveCalendar(@Nullable UUID id, String name, @Nullable ZoneId zone,
            List<BusinessCalendar.WorkingHours> hours, List<BusinessCalendar.Holiday> holidays) {
        String named = named(name);
        if (hours.isEmpty()) {
            throw new InvalidRequestException("hours", "a calendar needs at least one stretch of working hours");
        }
        for (int i = 0; i < hours.size(); i++) {
            BusinessCalendar.WorkingHours shift = hours.get(i);
            if (!shift.closes().isAfter(shift.opens())) {
                throw new InvalidRequestException("hours[" + i + "].closes", "must be after the opening time");
            }
        }
        Set<Object> days = new HashSet<>();
        for (int i = 0; i < holidays.size(); i++) {
            if (!days.add(holidays.get(i).day())) {
                throw new InvalidRequestException("holidays[" + i + "].day", "is listed twice");
            }
            if (holidays.get(i).name().isBlank() || holidays.get(i).name().length() > 100) {
                throw new InvalidRequestException("holidays[" + i + "].name", "must be 1 to 100 characters");
            }
        }
        UUID calendarId = id == null ? Ids.newId(clock) : id;
        String zoneId = (zone == null ? brandZone : zone).getId();
        try {
            if (id == null) {
                jdbc.sql("INSERT INTO service.calendar (id, name, zone, created_at) VALUES (?, ?, ?, ?)")
                        .params(calendarId, named, zoneId, Rows.timestamp(clock.instant())).update();
            } else if (jdbc.sql("UPDATE service.calendar SET name = ?, zone = ? WHERE id = ?")
                    .params(named, zoneId, id).update() == 0) {
                throw new NotFoundException("Calendar", id);
            }
            jdbc.sql("DELETE FROM service.calendar_hours WHERE calendar_id = ?").param(calendarId).update();
            jdbc.sql("DELETE FROM service.holiday WHERE calendar_id = ?").param(calendarId).update();
            jdbc.sql("""
                    INSERT INTO service.calendar_hours (calendar_id, weekday, opens, closes)
                    SELECT ?, * FROM unnest(?::smallint[], ?::time[], ?::time[])""")
                    .params(calendarId, hours.stream().map(shift -> (short) shift.day().getValue())
                                    .toArray(Short[]::new),
                            hours.stream().map(shift -> Time.valueOf(shift.opens())).toArray(Time[]::new),
                            hours.stream().map(shift -> Time.valueOf(shift.closes())).toArray(Time[]::new))
                    .update();
            jdbc.sql("""
                    INSERT INTO service.holiday (calendar_id, day, name)
                    SELECT ?, * FROM unnest(?::date[], ?::text[])""")
                    .params(calendarId, holidays.stream().map(day -> java.sql.Date.valueOf(day.day()))
                                    .toArray(java.sql.Date[]::new),
                            holidays.stream().map(day -> day.name().strip()).toArray(String[]::new))
                    .update();
        } catch (DuplicateKeyException taken) {
            throw new ConflictException("hours", "two stretches of one day open at the same time, or the name "
                    + "is another calendar's");
        }
        return calendars().stream().filter(calendar -> calendar.id().equals(calendarId)).findFirst().orElseThrow();
    }

    @Override
    public SlaSummary summary(Instant from, Instant to) {
        var now = Rows.timestamp(clock.instant());
        // A target is settled once kept (answered or resolved by its time) or once its time has passed.
        return jdbc.sql("""
                WITH c AS (
                    SELECT CASE WHEN coalesce(first_response_at, resolved_at) IS NOT NULL
                                    THEN coalesce(first_response_at, resolved_at) <= first_response_due
                                WHEN first_response_due < ? THEN false END AS first_ok,
                           CASE WHEN resolved_at IS NOT NULL
                                    THEN resolution_due IS NULL OR resolved_at <= resolution_due
                                WHEN resolution_due < ? THEN false END AS resolution_ok
                    FROM service.conversation
                    WHERE opened_at >= ? AND opened_at < ? AND merged_into IS NULL)
                SELECT count(*) FILTER (WHERE first_ok IS FALSE OR resolution_ok IS FALSE
                                            OR (first_ok AND resolution_ok)) AS decided,
                       count(*) FILTER (WHERE first_ok AND resolution_ok) AS met,
                       count(first_ok) AS first_decided, count(*) FILTER (WHERE first_ok) AS first_met,
                       count(resolution_ok) AS resolution_decided,
                       count(*) FILTER (WHERE resolution_ok) AS resolution_met
                FROM c""")
                .params(now, now, Rows.timestamp(from), Rows.timestamp(to))
                .query((rs, row) -> SlaSummary.of(rs.getLong("decided"), rs.getLong("met"),
                        rs.getLong("first_decided"), rs.getLong("first_met"), rs.getLong("resolution_decided"),
                        rs.getLong("resolution_met"))).single();
    }

    private static String named(String name) {
        String named = name == null ? "" : name.strip();
        if (named.isEmpty() || named.length() > 100) {
            throw new InvalidRequestException("name", "must be 1 to 100 characters");
        }
        return named;
    }
}
