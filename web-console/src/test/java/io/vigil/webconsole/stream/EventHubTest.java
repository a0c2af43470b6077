package io.vigil.webconsole.stream;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventHubTest {

    private final EventHub hub = new EventHub(2);

    private AssertSubscriber<ConsoleEvent> connect(boolean[] joined) {
        return Multi.createFrom().<ConsoleEvent>emitter(client -> joined[0] = hub.join(client))
                .subscribe().withSubscriber(AssertSubscriber.create(100));
    }

    @Test
    void everyEventReachesEveryClientAndAClosedStreamIsForgotten() {
        boolean[] first = new boolean[1];
        boolean[] second = new boolean[1];
        AssertSubscriber<ConsoleEvent> a = connect(first);
        AssertSubscriber<ConsoleEvent> b = connect(second);
        assertThat(first[0] && second[0]).isTrue();
        ConsoleEvent event = new ConsoleEvent("alert", "{}");
        hub.publish(event);
        assertThat(a.getItems()).containsExactly(event);
        assertThat(b.getItems()).containsExactly(event);

        a.cancel();
        assertThat(hub.clients()).isEqualTo(1);
        hub.publish(ConsoleEvent.KEEP_ALIVE);
        assertThat(a.getItems()).containsExactly(event);
        assertThat(b.getItems()).containsExactly(event, ConsoleEvent.KEEP_ALIVE);
    }

    @Test
    void noMoreThanMaxClients() {
        boolean[] joined = new boolean[1];
        connect(joined);
        connect(joined);
        assertThat(hub.full()).isTrue();
        connect(joined);
        assertThat(joined[0]).isFalse();
        assertThat(hub.clients()).isEqualTo(2);
    }

    @Test
    void aClientThatStopsReadingIsDisconnectedInsteadOfBufferedForWithoutEnd() {
        AssertSubscriber<ConsoleEvent> stalled = hub.stream().subscribe().withSubscriber(AssertSubscriber.create(0));
        AssertSubscriber<ConsoleEvent> reading = hub.stream().subscribe()
                .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        for (int i = 1; i < EventHub.MAX_PENDING; i++) { // READY and these fill the client's queue
            hub.publish(new ConsoleEvent("alert", "{\"n\":" + i + "}"));
        }
        stalled.assertNotTerminated();
        hub.publish(ConsoleEvent.KEEP_ALIVE); // one more than may wait

        stalled.assertFailedWith(BackPressureFailure.class);
        assertThat(hub.clients()).as("the stalled client is forgotten").isEqualTo(1);
        assertThat(reading.getItems()).hasSize(EventHub.MAX_PENDING + 1).startsWith(ConsoleEvent.READY);
        reading.assertNotTerminated();
    }
}
