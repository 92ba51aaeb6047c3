package mx.gobiernoabierto.compromisos.command.commitment.web;

import java.util.Comparator;
import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

import mx.gobiernoabierto.compromisos.command.web.Ids;
import mx.gobiernoabierto.compromisos.command.web.Versions;

/**
 * Resolves a {@link TargetCommitment} from the path and the {@code If-Match} header, answering {@code 400} for an id
 * that is not a UUID or a malformed header. It only reads them: whether the commitment is at the expected version is
 * decided by the aggregate, before any of its rules ({@code Commitment.checkExpectedVersion}).
 *
 * <p>The checks run in the order the controller's methods used to make them, so that a request with several faults
 * gets the same answer as before: the ids of the commitment's parts first (in the order the path names them), then
 * the commitment's own id, then the header. Declare the parameter after the request body, which is read and
 * validated first.
 */
class TargetCommitmentResolver implements HandlerMethodArgumentResolver {

    private static final String COMMITMENT_ID = "id";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == TargetCommitment.class;
    }

    @Override
    public TargetCommitment resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                            NativeWebRequest request, WebDataBinderFactory binderFactory) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        String pattern = String.valueOf(request.getAttribute(
                HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
        if (variables == null || !variables.containsKey(COMMITMENT_ID)) {
            throw new IllegalStateException(parameter.getExecutable() + " takes a TargetCommitment but its path has no {id}");
        }
        variables.keySet().stream().filter(name -> !name.equals(COMMITMENT_ID))
                .sorted(Comparator.comparingInt(name -> pattern.indexOf("{" + name + "}")))
                .forEach(name -> Ids.require(name, variables.get(name)));
        String commitmentId = variables.get(COMMITMENT_ID);
        Ids.require("commitmentId", commitmentId);
        // several If-Match headers are read as one list, as @RequestHeader did: more than one version is refused
        String[] ifMatch = request.getHeaderValues("If-Match");
        return new TargetCommitment(commitmentId, Versions.expected(ifMatch == null ? null : String.join(",", ifMatch)));
    }
}
