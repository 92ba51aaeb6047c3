package mx.gobiernoabierto.compromisos.support.testing;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** What every problem body of api.md's error table has, for web slice tests of service-support and both services. */
public final class ProblemBodies {

    private ProblemBodies() {
    }

    /** The answer is a problem of that status and {@code /problems/} type, with its title and a detail. */
    public static ResultActions problem(ResultActions answer, int status, String type) throws Exception {
        return answer.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/" + type))
                .andExpect(jsonPath("$.title").value(HttpStatus.valueOf(status).getReasonPhrase()))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").isString());
    }

    /** The answer is a {@code 400 /problems/validation} naming exactly one field: {@code field}. */
    public static ResultActions validation(ResultActions answer, String field) throws Exception {
        return problem(answer, 400, "validation")
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }
}
