package mx.gobiernoabierto.compromisos.command.security;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.command.config.CompromisosProperties;
import mx.gobiernoabierto.compromisos.command.config.LruMap;

import mx.gobiernoabierto.compromisos.support.security.Caller;
import mx.gobiernoabierto.compromisos.support.security.Callers;
import mx.gobiernoabierto.compromisos.support.security.Role;
import mx.gobiernoabierto.compromisos.events.Identifiers;

/**
 * The STL rule: an STL_EDITOR may command the commitments of its STLs' plans and nothing else. The STL of a plan or
 * commitment comes from the command side's own lookup tables ({@code plan_directory}, {@code commitment_code}).
 *
 * <p>An id that is malformed or names nothing is let through for an editor, so that it gets the {@code 400} or
 * {@code 404} the command would give rather than a {@code 403} that says nothing; that reveals no more than the
 * public reads do.
 *
 * <p>Both tables only ever gain rows, so the STL of a commitment, once found, is remembered: a command on a
 * commitment asks the database only the first time.
 */
@Component
public class StlAccess {

    private final JdbcClient jdbc;
    private final LruMap<String, String> stlOfCommitment;

    StlAccess(JdbcClient jdbc, CompromisosProperties properties) {
        this.jdbc = jdbc;
        this.stlOfCommitment = new LruMap<>(properties.aggregateCacheSize());
    }

    /** For {@code /api/v1/commitments/{id}/**}: an editor of the STL of commitment {@code id}. */
    AuthorizationManager<RequestAuthorizationContext> editorOfCommitment() {
        return (Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) -> {
            Optional<Caller> caller = Callers.of(authentication.get());
            if (caller.isEmpty() || !caller.get().has(Role.STL_EDITOR)) {
                return new AuthorizationDecision(false);
            }
            Optional<String> stl = stlOfCommitment(context.getVariables().get("id"));
            return new AuthorizationDecision(stl.isEmpty() || caller.get().editsStl(stl.get()));
        };
    }

    /**
     * Refuses ({@link AccessDeniedException}, a {@code 403}) unless the current caller edits the STL of the plan.
     * Called with the plan id as the command will carry it, after the body is read, so that what is checked is what
     * is written.
     */
    public void requireEditorOfPlan(String planId) {
        Caller caller = Callers.current().orElseThrow(() -> new AccessDeniedException("no authenticated caller"));
        Optional<String> stl = stlOfPlan(planId);
        if (!caller.has(Role.STL_EDITOR) || stl.isPresent() && !caller.editsStl(stl.get())) {
            throw new AccessDeniedException("not an editor of the plan's STL " + stl.orElse("?"));
        }
    }

    private Optional<String> stlOfCommitment(String commitmentId) {
        if (!Identifiers.isId(commitmentId)) {
            return Optional.empty();
        }
        String known = stlOfCommitment.get(commitmentId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> stl = jdbc.sql("""
                        SELECT p.stl_id FROM commitment_code c JOIN plan_directory p ON p.plan_id = c.plan_id
                        WHERE c.commitment_id = ?""")
                .param(commitmentId).query(String.class).optional();
        stl.ifPresent(found -> stlOfCommitment.put(commitmentId, found));
        return stl;
    }

    private Optional<String> stlOfPlan(String planId) {
        if (!Identifiers.isId(planId)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT stl_id FROM plan_directory WHERE plan_id = ?").param(planId).query(String.class).optional();
    }
}
