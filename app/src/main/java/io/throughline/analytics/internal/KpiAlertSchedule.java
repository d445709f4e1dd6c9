package io.throughline.analytics.internal;

import io.throughline.analytics.KpiTargets;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Checks the week just ended against the targets every so often; a week already checked raises nothing again. */
@Component
class KpiAlertSchedule {

    private final KpiTargets targets;

    KpiAlertSchedule(KpiTargets targets) {
        this.targets = targets;
    }

    @Scheduled(fixedDelayString = "${throughline.analytics.alert-check-every:PT1H}", initialDelayString = "PT5M")
    void checkLastWeek() {
        targets.check();
    }
}
