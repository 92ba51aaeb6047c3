package mx.gobiernoabierto.compromisos.query.portal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's template uses, the portal's and the workspace's ({@code /espacio}) alike: the formats and the
 * portal's settings. The workspace is named by its package, which depends on the portal and not the reverse.
 */
@ControllerAdvice(basePackages = {"mx.gobiernoabierto.compromisos.query.portal",
        "mx.gobiernoabierto.compromisos.query.workspace"})
class PortalModel {

    private final Formats formats;
    private final PortalProperties properties;

    PortalModel(Formats formats, PortalProperties properties) {
        this.formats = formats;
        this.properties = properties;
    }

    @ModelAttribute("f")
    Formats formats() {
        return formats;
    }

    @ModelAttribute("portal")
    PortalProperties portal() {
        return properties;
    }
}
