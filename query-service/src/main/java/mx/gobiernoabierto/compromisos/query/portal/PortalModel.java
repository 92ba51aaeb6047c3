package mx.gobiernoabierto.compromisos.query.portal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's template uses: the formats and the portal's settings. */
@ControllerAdvice(basePackageClasses = PortalModel.class)
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
