package org.exotrace.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The static files, served under their own three paths only: {@code /css/**} and {@code /js/**} from
 * {@code static/}, and {@code /webjars/**} (htmx) with the version-free paths the templates use. Spring
 * Boot's default handler for {@code /**} ({@code spring.web.resources.add-mappings}, turned off) made
 * every link a page builds ({@code @{/lots/{id}}}) a look-up for a static file of that name in each jar
 * of the class path, through the URL encoding that versions the webjars: about a millisecond a link, so
 * a dashboard of 200 lots spent most of its time building links (issue 13).
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/");
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/");
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/").resourceChain(true);
    }
}
