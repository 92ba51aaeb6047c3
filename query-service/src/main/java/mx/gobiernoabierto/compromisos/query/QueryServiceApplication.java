package mx.gobiernoabierto.compromisos.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The query service: progress views folded from the event topic. A skeleton for now; its projections, history,
 * as-of views and replay are the next piece of work.
 */
@SpringBootApplication
public class QueryServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(QueryServiceApplication.class, args);
    }
}
