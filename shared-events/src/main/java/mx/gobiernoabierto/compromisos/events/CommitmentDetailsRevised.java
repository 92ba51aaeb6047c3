package mx.gobiernoabierto.compromisos.events;

import java.time.LocalDate;
import java.util.List;

/**
 * The details of a commitment in {@code DRAFT} were revised; every field replaces the previous value.
 * Fields are as in {@link CommitmentDrafted}; plan and code never change.
 */
@EventRevision(1)
public record CommitmentDetailsRevised(String commitmentId, String title, String publicProblem, String objective,
                                       List<String> responsibleInstitutions,
                                       List<String> civilSocietyOrganisations, List<OgpValue> ogpValues,
                                       List<String> sdgTargets, LocalDate startDate, LocalDate endDate)
        implements CommitmentEvent {
    public CommitmentDetailsRevised {
        responsibleInstitutions = Lists.orEmpty(responsibleInstitutions);
        civilSocietyOrganisations = Lists.orEmpty(civilSocietyOrganisations);
        ogpValues = Lists.orEmpty(ogpValues);
        sdgTargets = Lists.orEmpty(sdgTargets);
    }
}
