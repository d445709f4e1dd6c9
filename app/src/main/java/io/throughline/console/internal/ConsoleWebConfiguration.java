package io.throughline.console.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The console's forms get back what was typed when a value did not convert; see {@link TypedFormsInterceptor}. */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new TypedFormsInterceptor()).excludePathPatterns("/api/**", "/v1/**");
    }
}
