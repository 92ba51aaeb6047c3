package mx.gobiernoabierto.compromisos.localstack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;

import mx.gobiernoabierto.compromisos.command.CommandServiceApplication;
import mx.gobiernoabierto.compromisos.query.QueryServiceApplication;

/**
 * One service in a JVM of its own, as it is deployed, so that the benchmark can read each one's resident memory.
 * The first argument names it ({@code command} or {@code query}), the rest are its settings. Each leaves out the
 * auto-configurations {@link Services} leaves out (Spring Authorization Server's; the query service Axon's too). SIGTERM stops it gracefully.
 */
public final class ServiceMain {

    private ServiceMain() {
    }

    public static void main(String[] args) {
        List<String> settings = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        switch (args[0]) {
            case "command" -> {
                settings.add(Services.leftOut(false));
                new SpringApplicationBuilder(CommandServiceApplication.class)
                        .properties(CommandServiceApplication.CONFIG_NAME).run(settings.toArray(String[]::new));
            }
            case "query" -> {
                settings.add(Services.leftOut(true));
                new SpringApplicationBuilder(QueryServiceApplication.class)
                        .properties(QueryServiceApplication.CONFIG_NAME).run(settings.toArray(String[]::new));
            }
            default -> throw new IllegalArgumentException("the first argument is command or query, not " + args[0]);
        }
    }
}
