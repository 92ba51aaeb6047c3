package mx.gobiernoabierto.compromisos.localstack.fault;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import mx.gobiernoabierto.compromisos.infrastructure.LocalKafka;

/**
 * The local stack's Kafka broker in a JVM of its own, so that the fault suite can stop and start it while the
 * services keep running. Arguments: the log directory and the client port. SIGTERM stops it cleanly (this JVM runs
 * nothing else, so its own shutdown hook is the one place that stops it).
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalKafka kafka = LocalKafka.start(Path.of(args[0]), Integer.parseInt(args[1]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            stopped.countDown();
        }, "kafka-broker-stop"));
        System.out.println("KAFKA READY " + kafka.bootstrapServers());
        stopped.await();
    }
}
