package mx.gobiernoabierto.compromisos.query.security;

import mx.gobiernoabierto.compromisos.support.testing.ServiceSecuritySettingsTest;

/** This service's settings file and its demo profile bind to service-support's security settings as intended. */
class SecuritySettingsTest extends ServiceSecuritySettingsTest {

    SecuritySettingsTest() {
        super("query-service");
    }
}
