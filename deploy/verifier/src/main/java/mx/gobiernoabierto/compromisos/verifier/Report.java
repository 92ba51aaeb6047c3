package mx.gobiernoabierto.compromisos.verifier;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** What was checked, line by line, and the verdict at the end. */
final class Report {

    private final PrintStream out;
    private final List<String> failures = new ArrayList<>();
    private int proved;

    Report(PrintStream out) {
        this.out = out;
    }

    void section(String title) {
        out.println();
        out.println(title);
    }

    void ok(String text) {
        proved++;
        out.println("  [OK]    " + text);
    }

    void info(String text) {
        out.println("  [INFO]  " + text);
    }

    void fail(String text) {
        failures.add(text);
        out.println("  [FALLA] " + text);
    }

    /** Prints the verdict; returns the exit code (0 only if nothing failed). */
    int verdict(String stoppedBecause) {
        out.println();
        if (stoppedBecause != null) {
            out.println("Verificación detenida: " + stoppedBecause + ".");
        }
        if (failures.isEmpty()) {
            out.println("VEREDICTO: VERIFICADO. " + proved + " comprobaciones, todas probadas.");
            return 0;
        }
        out.println("VEREDICTO: NO VERIFICADO. " + failures.size() + " de " + (proved + failures.size())
                + " comprobaciones no se pudieron probar:");
        failures.forEach(failure -> out.println("  - " + failure));
        return 1;
    }
}
