package io.vigil.console.rest;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class PageTest {

    private static List<Long> ids(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void readsOneMoreThanThePage() {
        assertThat(new Page(1, 0).fetch()).isEqualTo(2);
        assertThat(new Page(Page.MAX_LIMIT, 0).fetch()).isEqualTo(1001);
    }

    @Test
    void aFullPageWithMoreBehindItLinksToTheNext() {
        Page.Slice<Long> slice = new Page(3, 10).slice(ids(11, 14), Long::longValue);
        assertThat(slice.items()).containsExactly(11L, 12L, 13L);
        assertThat(slice.next()).isEqualTo("?limit=3&after=13");
    }

    @Test
    void thePageThatEndsTheListHasNoNext() {
        assertThat(new Page(3, 0).slice(ids(1, 3), Long::longValue)).isEqualTo(new Page.Slice<>(ids(1, 3), null));
        assertThat(new Page(3, 0).slice(ids(1, 2), Long::longValue).next()).isNull();
        assertThat(new Page(3, 0).slice(List.<Long>of(), Long::longValue)).isEqualTo(
                new Page.Slice<>(List.of(), null));
    }
}
