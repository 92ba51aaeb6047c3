package mx.gobiernoabierto.compromisos.query.portal;

import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import mx.gobiernoabierto.compromisos.query.config.QueryProperties;

/**
 * The portal's own assets (styles, scripts) from the jar under {@code /recursos/**}; nothing is fetched from
 * elsewhere. Registered here only, so the command service never serves them even when both share a JVM.
 */
@Configuration(proxyBeanMethods = false)
class PortalConfig implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/recursos/**")
                .addResourceLocations("classpath:/portal/assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
    }

    /**
     * Thymeleaf would otherwise take a page's content type from its address's extension: the Spanish 404 page for
     * an unknown {@code …/feed.atom} must still be {@code text/html}.
     */
    @Bean
    static BeanPostProcessor pagesAreHtml() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof ThymeleafViewResolver resolver) {
                    resolver.setForceContentType(true);
                }
                return bean;
            }
        };
    }

    @Bean
    Formats portalFormats(QueryProperties properties, MessageSource messages) {
        return new Formats(properties.timeZone(), messages.getMessage("dato.ausente", null, Formats.ES_MX));
    }
}
