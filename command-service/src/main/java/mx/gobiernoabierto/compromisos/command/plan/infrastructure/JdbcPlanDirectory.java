package mx.gobiernoabierto.compromisos.command.plan.infrastructure;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.command.commitment.domain.PlanDirectory;
import mx.gobiernoabierto.compromisos.command.plan.domain.PlanRegistry;

/** The plan directory table, written and read in the transaction of the command at hand. */
@Component
class JdbcPlanDirectory implements PlanRegistry, PlanDirectory {

    private final JdbcClient jdbc;

    JdbcPlanDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void register(String planId, String stlId) {
        jdbc.sql("INSERT INTO plan_directory (plan_id, stl_id) VALUES (?, ?)").params(planId, stlId).update();
    }

    @Override
    public Optional<String> stlOf(String planId) {
        return jdbc.sql("SELECT stl_id FROM plan_directory WHERE plan_id = ?").param(planId).query(String.class).optional();
    }
}
