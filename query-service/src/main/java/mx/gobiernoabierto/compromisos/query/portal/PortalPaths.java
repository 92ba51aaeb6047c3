package mx.gobiernoabierto.compromisos.query.portal;

import jakarta.servlet.http.HttpServletRequest;

/** Which addresses are the portal's pages (people's), as opposed to the API's (programs'). */
final class PortalPaths {

    private PortalPaths() {
    }

    static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/") || path.startsWith("/planes/") || path.startsWith("/compromisos/")
                || path.equals("/metodologia") || path.equals("/datos") || path.equals("/accesibilidad")
                || path.startsWith("/recursos/") || path.startsWith("/registro/")
                || path.equals("/espacio") || path.startsWith("/espacio/");
    }
}
