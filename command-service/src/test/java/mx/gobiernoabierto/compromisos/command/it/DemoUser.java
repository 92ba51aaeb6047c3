package mx.gobiernoabierto.compromisos.command.it;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The demo users of {@code command-service-demo.yml}: who signs in, with what, and the id events record. */
enum DemoUser {
    ADMIN("admin", "demo-admin", "usr-admin-01", "ADMIN"),
    EDITOR_JALISCO("editor.jalisco", "demo-jalisco", "usr-jal-editor-01", "STL_EDITOR", "stl-jalisco"),
    EDITOR_OAXACA("editor.oaxaca", "demo-oaxaca", "usr-oax-editor-01", "STL_EDITOR", "stl-oaxaca"),
    EDITOR_NUEVO_LEON("editor.nuevoleon", "demo-nuevoleon", "usr-nl-editor-01", "STL_EDITOR", "stl-nuevo-leon"),
    EVALUATOR("evaluador", "demo-evaluador", "usr-evaluador-01", "EVALUATOR");

    final String username;
    final String password;
    final String id;
    final String role;
    final java.util.List<String> stls;

    DemoUser(String username, String password, String id, String role, String... stls) {
        this.username = username;
        this.password = password;
        this.id = id;
        this.role = role;
        this.stls = java.util.List.of(stls);
    }

    String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
