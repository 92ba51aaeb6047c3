package mx.gobiernoabierto.compromisos.query.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import mx.gobiernoabierto.compromisos.query.web.BadQueryException;
import mx.gobiernoabierto.compromisos.query.web.NotFoundException;

/**
 * On the portal's paths a failure is a page in Spanish (404, 400, or a plain apology), not the API's problem JSON;
 * everywhere else this resolver steps aside and the API's problem handling answers.
 */
@Component
class PortalErrors implements HandlerExceptionResolver, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(PortalErrors.class);

    private final Formats formats;
    private final PortalProperties properties;

    PortalErrors(Formats formats, PortalProperties properties) {
        this.formats = formats;
        this.properties = properties;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception failure) {
        if (!PortalPaths.isPage(request)) {
            return null;
        }
        ModelAndView page = new ModelAndView("page-error");
        page.addObject("f", formats);
        page.addObject("portal", properties);
        if (failure instanceof PageNotFound || failure instanceof NotFoundException
                || failure instanceof NoResourceFoundException) {
            page.setStatus(HttpStatus.NOT_FOUND);
            page.addObject("status", 404);
        } else if (failure instanceof PageBadRequest bad) {
            page.setStatus(HttpStatus.BAD_REQUEST);
            page.addObject("status", 400);
            page.addObject("parameter", bad.parameter());
            page.addObject("expectedKey", bad.expectedKey());
        } else if (failure instanceof BadQueryException || failure instanceof MethodArgumentTypeMismatchException
                || failure instanceof MissingServletRequestParameterException) {
            page.setStatus(HttpStatus.BAD_REQUEST);
            page.addObject("status", 400);
        } else if (failure instanceof HttpRequestMethodNotSupportedException) {
            return null;
        } else {
            LOG.error("Unexpected failure rendering {}", request.getRequestURI(), failure);
            page.setStatus(HttpStatus.INTERNAL_SERVER_ERROR);
            page.addObject("status", 500);
        }
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        return page;
    }
}
