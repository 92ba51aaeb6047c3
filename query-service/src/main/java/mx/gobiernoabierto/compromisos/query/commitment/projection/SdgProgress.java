package mx.gobiernoabierto.compromisos.query.commitment.projection;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mx.gobiernoabierto.compromisos.events.CommitmentStatus;

/**
 * Progress per UN Sustainable Development Goal and per SDG target, from the folded states of commitments.
 *
 * <p>Cancelled commitments are left out entirely. A commitment counts once for each target it is aligned to and
 * once for a goal however many of that goal's targets it names. A code that is not of the form
 * {@code <goal>.<number>} or {@code <goal>.<letter>} is ignored (the command side accepts only valid targets).
 */
public final class SdgProgress {

    private static final Pattern TARGET = Pattern.compile("(\\d{1,2})\\.(?:(\\d{1,2})|([a-z]))");

    /** Goals numerically; within a goal, numbered targets numerically, then lettered ones alphabetically. */
    private static final Comparator<TargetCode> TARGET_ORDER = Comparator.comparingInt(TargetCode::goal)
            .thenComparing(TargetCode::lettered)
            .thenComparingInt(TargetCode::number)
            .thenComparing(TargetCode::letter);

    private SdgProgress() {
    }

    /**
     * Progress per goal.
     *
     * @param goals the goals some non-cancelled commitment is aligned to, in numeric order; unmodifiable
     */
    public record Result(List<Goal> goals) {
    }

    /**
     * One SDG goal.
     *
     * @param goal                       the goal's number, 1–17
     * @param commitments                the commitments aligned to at least one of its targets
     * @param meanImplementationProgress their mean implementation progress, 0–100
     * @param targets                    its targets that some commitment is aligned to, numbered ones in numeric
     *                                   order ({@code 16.2} before {@code 16.10}) then lettered ones; unmodifiable
     */
    public record Goal(int goal, int commitments, BigDecimal meanImplementationProgress, List<Target> targets) {
    }

    /**
     * One SDG target.
     *
     * @param target                     the target's code, e.g. {@code 16.10} or {@code 16.a}
     * @param commitments                the commitments aligned to it
     * @param meanImplementationProgress their mean implementation progress, 0–100
     */
    public record Target(String target, int commitments, BigDecimal meanImplementationProgress) {
    }

    /** Computes the progress per goal and target of the given commitments. */
    public static Result of(Collection<CommitmentState> commitments) {
        Map<Integer, List<Ratio>> byGoal = new TreeMap<>();
        Map<TargetCode, List<Ratio>> byTarget = new TreeMap<>(TARGET_ORDER);
        for (CommitmentState commitment : commitments) {
            if (commitment.status() == CommitmentStatus.CANCELLED) {
                continue;
            }
            Ratio progress = CommitmentFigures.implementationProgress(commitment);
            Set<TargetCode> targets = new TreeSet<>(TARGET_ORDER);
            for (String code : commitment.sdgTargets()) {
                TargetCode target = TargetCode.parse(code);
                if (target != null) {
                    targets.add(target);
                }
            }
            Set<Integer> goals = new LinkedHashSet<>();
            for (TargetCode target : targets) {
                byTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(progress);
                goals.add(target.goal());
            }
            for (Integer goal : goals) {
                byGoal.computeIfAbsent(goal, g -> new ArrayList<>()).add(progress);
            }
        }

        List<Goal> result = new ArrayList<>();
        byGoal.forEach((goal, progress) -> {
            List<Target> targets = byTarget.entrySet().stream()
                    .filter(e -> e.getKey().goal() == goal)
                    .map(e -> new Target(e.getKey().code(), e.getValue().size(), Ratio.mean(e.getValue()).toPercent()))
                    .toList();
            result.add(new Goal(goal, progress.size(), Ratio.mean(progress).toPercent(), targets));
        });
        return new Result(List.copyOf(result));
    }

    /** A parsed target code; {@code number} is 0 and {@code letter} set for lettered targets, and the reverse. */
    private record TargetCode(String code, int goal, boolean lettered, int number, String letter) {

        static TargetCode parse(String code) {
            if (code == null) {
                return null;
            }
            Matcher m = TARGET.matcher(code.trim());
            if (!m.matches()) {
                return null;
            }
            int goal = Integer.parseInt(m.group(1));
            String normalised = code.trim();
            return m.group(2) != null
                    ? new TargetCode(normalised, goal, false, Integer.parseInt(m.group(2)), "")
                    : new TargetCode(normalised, goal, true, 0, m.group(3));
        }
    }
}
