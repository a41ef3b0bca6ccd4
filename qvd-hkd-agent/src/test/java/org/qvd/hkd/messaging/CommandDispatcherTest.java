package org.qvd.hkd.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qvd.hkd.platform.RecordingEventSink;
import org.qvd.protocol.message.CommandFailed;
import org.qvd.protocol.message.MessageCodec;
import org.qvd.protocol.vm.ReapVmCommand;
import org.qvd.protocol.vm.StopVmCommand;

class CommandDispatcherTest {

    private final MessageCodec codec = new MessageCodec();
    private final ExecutorService workers = Executors.newSingleThreadExecutor();
    private final RecordingEventSink events = new RecordingEventSink();
    private final List<Object> handled = new CopyOnWriteArrayList<>();
    private final CommandDispatcher dispatcher = new CommandDispatcher("node1", codec, workers, events)
            .on(StopVmCommand.class, handled::add)
            .on(ReapVmCommand.class, command -> {
                throw new IllegalStateException("bug");
            });

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    private void drain() throws InterruptedException {
        workers.shutdown();
        assertThat(workers.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void runsTheHandlerOfACommandForThisHost() throws Exception {
        StopVmCommand stop = new StopVmCommand("node1", "c", 3, null);

        assertThat(dispatcher.dispatch(codec.encode(stop))).isTrue();
        drain();

        assertThat(handled).containsExactly(stop);
    }

    @Test
    void refusesWhatItCannotReadOrIsNotItsOwn() throws Exception {
        assertThat(dispatcher.dispatch("{\"type\":\"StopVm\",\"schemaVersion\":\"2.0\"}"))
                .isFalse();
        assertThat(dispatcher.dispatch("{\"type\":\"Fly\",\"schemaVersion\":\"1.0\"}"))
                .isFalse();
        assertThat(dispatcher.dispatch("]")).isFalse();
        assertThat(dispatcher.dispatch(codec.encode(new StopVmCommand("node2", "c", 3, null))))
                .isFalse();
        assertThat(dispatcher.dispatch(codec.encode(new org.qvd.protocol.host.StopHostCommand("node1", "c"))))
                .as("no handler registered")
                .isFalse();
        drain();

        assertThat(handled).isEmpty();
        assertThat(events.events()).isEmpty();
    }

    @Test
    void reportsAHandlerBugAsCommandFailed() throws Exception {
        dispatcher.dispatch(codec.encode(new ReapVmCommand("node1", "c-r", 4)));
        drain();

        assertThat(events.of(CommandFailed.class)).singleElement().satisfies(failed -> {
            assertThat(failed.correlationId()).isEqualTo("c-r");
            assertThat(failed.vmId()).isEqualTo(4L);
            assertThat(failed.reason()).contains("internal error", "bug");
        });
    }

    @Test
    void anExpiredCommandIsNeverRunLoggedOnceAndAnsweredExpired() throws Exception {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger log = Logger.getLogger(CommandDispatcher.class.getName());
        log.addHandler(capture);
        try {
            StopVmCommand late =
                    new StopVmCommand("node1", "c-late", 5, null, Instant.now().minusSeconds(1));
            StopVmCommand inTime =
                    new StopVmCommand("node1", "c-ok", 6, null, Instant.now().plusSeconds(60));

            assertThat(dispatcher.dispatch(codec.encode(late))).isFalse();
            assertThat(dispatcher.dispatch(codec.encode(inTime))).isTrue();
            drain();

            assertThat(handled).containsExactly(inTime);
            assertThat(events.of(CommandFailed.class)).singleElement().satisfies(failed -> {
                assertThat(failed.correlationId()).isEqualTo("c-late");
                assertThat(failed.commandType()).isEqualTo("StopVm");
                assertThat(failed.vmId()).isEqualTo(5L);
                assertThat(failed.reason()).isEqualTo("expired");
            });
            assertThat(logged)
                    .filteredOn(r -> r.getMessage().contains("c-late"))
                    .singleElement()
                    .satisfies(r -> assertThat(r.getMessage()).contains("expired"));
        } finally {
            log.removeHandler(capture);
        }
    }

    @Test
    void aCopyOfATakenCommandIsNeverRunAgainNorAnsweredEvenPastItsDeadline() throws Exception {
        StopVmCommand stop =
                new StopVmCommand("node1", "c-once", 7, null, Instant.now().plusMillis(1500));

        assertThat(dispatcher.dispatch(codec.encode(stop))).isTrue();
        Thread.sleep(1600); // past its deadline: a copy must not answer "expired" (that would end a newer start)
        assertThat(dispatcher.dispatch(codec.encode(stop)))
                .as("the copy is consumed")
                .isTrue();
        assertThat(dispatcher.dispatch(codec.encode(new StopVmCommand("node1", "c-other", 7, null))))
                .isTrue();
        drain();

        assertThat(handled).extracting(c -> ((StopVmCommand) c).correlationId()).containsExactly("c-once", "c-other");
        assertThat(events.events()).isEmpty();
    }

    @Test
    void neverLogsBrokerCredentials() {
        assertThat(BrokerLink.redact("tcp://h:1?user=hkd&password=pw&x=1"))
                .isEqualTo("tcp://h:1?user=***&password=***&x=1");
    }
}
