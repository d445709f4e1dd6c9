package io.throughline.console.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Conventions;
import org.springframework.core.MethodParameter;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Puts a console form whose values did not all convert back into the page it re-renders: the form rebuilt from the
 * values that converted under its own name (a template reading {@code ${form.name()}} would otherwise fail on a
 * missing form), and the text of the others under {@link TypedForms#TYPED}. Every console form is covered without
 * its controller doing anything; a controller reading the form after a failed binding uses
 * {@link TypedForms#orRebuilt}.
 */
final class TypedFormsInterceptor implements HandlerInterceptor {

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            @Nullable ModelAndView page) {
        if (page == null || !(handler instanceof HandlerMethod method) || page.getViewName() == null
                || page.getViewName().startsWith("redirect:")) {
            return;
        }
        Map<String, Object> model = page.getModel();
        Map<String, String> typed = new LinkedHashMap<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            ModelAttribute attribute = parameter.getParameterAnnotation(ModelAttribute.class);
            if (attribute == null || !parameter.getParameterType().isRecord()) {
                continue;
            }
            String name = attribute.name().isEmpty() ? Conventions.getVariableNameForParameter(parameter)
                    : attribute.name();
            if (!(model.get(BindingResult.MODEL_KEY_PREFIX + name) instanceof BindingResult binding)) {
                continue;
            }
            typed.putAll(TypedForms.rejected(binding));
            if (model.get(name) == null) {
                @SuppressWarnings("unchecked")
                Class<? extends Record> type = (Class<? extends Record>) parameter.getParameterType();
                model.put(name, TypedForms.rebuilt(type, binding));
            }
        }
        if (!typed.isEmpty()) {
            // A page that already tells what was typed (the till's) keeps its own.
            model.putIfAbsent(TypedForms.TYPED, typed);
        }
    }
}
