package mx.gobiernoabierto.compromisos.support.problem;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import mx.gobiernoabierto.compromisos.support.http.RequestBodyLimitFilter;

/**
 * Problem details ({@code application/problem+json}) wherever an answer fails: the registry of types (the shared ones
 * and each service's {@link ServiceProblemTypes}), the error controller for what the container forwards to
 * {@code /error}, Tomcat's own error report, and the body-size limit. Before Spring Boot's error handling, so that
 * its whitelabel controller steps aside.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemSupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemTypes problemTypes(ObjectProvider<ServiceProblemTypes> services) {
        return new ProblemTypes(List.copyOf(services.orderedStream().toList()));
    }

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController problemErrorController(ProblemTypes types) {
        return new ProblemErrorController(types);
    }

    @Bean
    @ConditionalOnMissingBean
    RequestBodyLimitFilter requestBodyLimitFilter() {
        return new RequestBodyLimitFilter();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.valves.ErrorReportValve")
    static class TomcatErrorReport {

        @Bean
        @ConditionalOnMissingBean
        ProblemErrorReportValve.Installer problemErrorReportValveInstaller(ProblemTypes types) {
            return new ProblemErrorReportValve.Installer(types);
        }
    }
}
