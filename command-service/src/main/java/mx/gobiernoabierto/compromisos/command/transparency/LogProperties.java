package mx.gobiernoabierto.compromisos.command.transparency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the transparency log.
 *
 * @param origin             the checkpoints' origin line and the signing key's name
 * @param signingKeyPem      the Ed25519 private key as PEM text (PKCS#8), e.g. from a secret; wins over the location
 * @param signingKeyLocation a file holding that PEM; when neither is set the key is generated at start and lives
 *                           only as long as the process (fine for tests, never for a real log)
 * @param checkpointInterval how often a checkpoint is signed when the tree has grown; at most one minute
 * @param checkpointTopic    the Kafka topic every checkpoint is published on (kept forever)
 */
@ConfigurationProperties("compromisos.log")
public record LogProperties(@DefaultValue("compromisos.local/log") String origin,
                            String signingKeyPem,
                            String signingKeyLocation,
                            @DefaultValue("30s") Duration checkpointInterval,
                            @DefaultValue("compromisos.checkpoints") String checkpointTopic) {

    public LogProperties {
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()
                || checkpointInterval.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("compromisos.log.checkpoint-interval must be more than 0 and at most 1m: "
                    + "the contract signs a checkpoint at least every minute while events arrive");
        }
    }
}
