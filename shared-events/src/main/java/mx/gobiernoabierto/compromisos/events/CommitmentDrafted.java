package mx.gobiernoabierto.compromisos.events;

import java.time.LocalDate;
import java.util.List;

/**
 * A commitment was drafted in a plan; its stream starts here, in {@code DRAFT}.
 *
 * @param commitmentId              the commitment's id, a UUID string
 * @param planId                    the plan it belongs to
 * @param stlId                     the STL owning that plan, copied so that readers need not join
 * @param code                      the commitment code, unique within the plan, e.g. {@code JAL-2024-03}
 * @param title                     short title
 * @param publicProblem             the public problem it tackles
 * @param objective                 what it means to achieve
 * @param responsibleInstitutions   responsible public institutions, never {@code null}
 * @param civilSocietyOrganisations co-responsible civil-society organisations, never {@code null}
 * @param ogpValues                 OGP values served, never {@code null}
 * @param sdgTargets                SDG targets contributed to, e.g. {@code 16.6}, never {@code null}
 * @param startDate                 first day of the commitment
 * @param endDate                   last day of the commitment, not before {@code startDate}
 */
@EventRevision(1)
public record CommitmentDrafted(String commitmentId, String planId, String stlId, String code, String title,
                                String publicProblem, String objective, List<String> responsibleInstitutions,
                                List<String> civilSocietyOrganisations, List<OgpValue> ogpValues,
                                List<String> sdgTargets, LocalDate startDate, LocalDate endDate)
        implements CommitmentEvent {
    public CommitmentDrafted {
        responsibleInstitutions = Lists.orEmpty(responsibleInstitutions);
        civilSocietyOrganisations = Lists.orEmpty(civilSocietyOrganisations);
        ogpValues = Lists.orEmpty(ogpValues);
        sdgTargets = Lists.orEmpty(sdgTargets);
    }
}
