package mx.gobiernoabierto.compromisos.query.workspace;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import mx.gobiernoabierto.compromisos.query.portal.Formats;
import mx.gobiernoabierto.compromisos.query.portal.PortalProperties;

/** What every workspace template uses, as the portal's pages do: the formats and the portal's settings. */
@ControllerAdvice(basePackageClasses = WorkspaceModel.class)
class WorkspaceModel {

    private final Formats formats;
    private final PortalProperties properties;

    WorkspaceModel(Formats formats, PortalProperties properties) {
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
