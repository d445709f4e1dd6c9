package io.throughline.service.internal;

import io.throughline.platform.ThroughlineException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The survey's page behind the link she got: reading it answers nothing; her click on "Send" does. A wrong score
 * is shown at its field with her comment kept.
 */
@Controller
@RequestMapping("/m/service/surveys/{token}")
class SurveyPageController {

    private final Surveys surveys;

    SurveyPageController(Surveys surveys) {
        this.surveys = surveys;
    }

    @GetMapping
    String page(@PathVariable String token, Model model) {
        Surveys.Survey survey = surveys.find(token)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such survey"));
        return show(model, token, survey.answeredAt() != null, survey.score(), "", null, null);
    }

    @PostMapping
    String answer(@PathVariable String token, @RequestParam(required = false) @Nullable String score,
            @RequestParam(defaultValue = "") String comment, Model model) {
        if (surveys.find(token).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such survey");
        }
        Integer chosen = parse(score);
        try {
            surveys.answer(token, chosen, comment);
        } catch (ThroughlineException refused) {
            String field = refused instanceof io.throughline.platform.InvalidRequestException invalid
                    ? invalid.field() : "score";
            return show(model, token, false, chosen, comment, refused.getMessage(), field);
        }
        return show(model, token, true, chosen, comment, null, null);
    }

    private static String show(Model model, String token, boolean answered, @Nullable Integer score, String comment,
            @Nullable String error, @Nullable String errorField) {
        model.addAttribute("token", token);
        model.addAttribute("answered", answered);
        model.addAttribute("score", score);
        model.addAttribute("comment", comment);
        model.addAttribute("error", error);
        model.addAttribute("errorField", errorField);
        return "service/survey";
    }

    private static @Nullable Integer parse(@Nullable String score) {
        try {
            return score == null ? null : Integer.valueOf(score.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
