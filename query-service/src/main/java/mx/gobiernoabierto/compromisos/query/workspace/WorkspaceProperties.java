package mx.gobiernoabierto.compromisos.query.workspace;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Settings of the workspace.
 *
 * @param commandApiUrl  where this service reaches the command service's public API to relay commands (may differ
 *                       from where browsers reach it); default: {@code compromisos.query.command-service-url}
 * @param commandTimeout how long a relayed command may take before the form says so and keeps what was typed
 */
@ConfigurationProperties("compromisos.workspace")
record WorkspaceProperties(URI commandApiUrl, Duration commandTimeout) {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(WorkspaceProperties.class)
    static class Enable {
    }
}
