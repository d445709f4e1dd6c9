package io.throughline.console.internal;

import io.throughline.customers.CustomerProfiles;
import io.throughline.customers.CustomerProfiles.MonthlyCount;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

@Controller
class DashboardController {

    private final CustomerProfiles customers;
    private final JsonMapper json;
    private final ZoneId zone;

    DashboardController(CustomerProfiles customers, JsonMapper json,
            @Value("${throughline.console.time-zone:UTC}") ZoneId zone) {
        this.customers = customers;
        this.json = json;
        this.zone = zone;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        List<MonthlyCount> perMonth = customers.createdPerMonth(12, zone);
        model.addAttribute("area", ConsoleArea.DASHBOARD);
        model.addAttribute("customerCount", customers.count());
        model.addAttribute("perMonth", perMonth);
        // The chart reads its data from attributes: the content security policy allows no inline script.
        model.addAttribute("chartLabels", json.writeValueAsString(perMonth.stream()
                .map(count -> count.month().toString()).toList()));
        model.addAttribute("chartValues", json.writeValueAsString(perMonth.stream()
                .map(MonthlyCount::profiles).toList()));
        return "console/dashboard";
    }
}
