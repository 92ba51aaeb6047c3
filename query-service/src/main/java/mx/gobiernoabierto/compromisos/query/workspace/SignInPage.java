package mx.gobiernoabierto.compromisos.query.workspace;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The workspace's sign-in page: a link that starts the OpenID Connect sign-in at the provider (the provider asks for
 * the password, never this service), what went wrong with the last attempt, and that signing out happened.
 */
@Controller
class SignInPage {

    private final OidcSignIn signIn;

    SignInPage(OidcSignIn signIn) {
        this.signIn = signIn;
    }

    @GetMapping(WorkspaceSecurity.SIGN_IN)
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String salida,
                  Model model) {
        if (WorkspacePages.caller().isPresent()) {
            return "redirect:/espacio";
        }
        model.addAttribute("error", error != null);
        model.addAttribute("signedOut", salida != null);
        model.addAttribute("configured", signIn.enabled());
        model.addAttribute("reachable", signIn.enabled() && signIn.reachable());
        model.addAttribute("start", OidcSignIn.START);
        return "espacio/entrar";
    }
}
