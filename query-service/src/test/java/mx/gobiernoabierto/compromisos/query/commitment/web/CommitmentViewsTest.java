package mx.gobiernoabierto.compromisos.query.commitment.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.junit.jupiter.api.Test;

class CommitmentViewsTest {

    @Test
    void theJsonOrderOfASummaryIsTheOrderOfItsFieldsThatTheCsvAndTheDataPageUse() {
        assertThat(CommitmentViews.Summary.class.getAnnotation(JsonPropertyOrder.class).value())
                .containsExactlyElementsOf(CommitmentViews.SUMMARY_FIELDS);
    }
}
