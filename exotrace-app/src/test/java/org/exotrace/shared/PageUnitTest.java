package org.exotrace.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A capped count: a list counted up to the cap says "more than", one counted short of it is exact. */
class PageUnitTest {

    @Test
    void aCountThatReachesTheLimitIsALowerBoundWithMorePagesAfterIt() {
        Page.Request second = new Page.Request(1, 20);
        assertThat(second.countLimit()).isEqualTo(20 + Page.COUNT_CAP + 1);

        Page<String> page = Page.counted(List.of("a"), second, second.countLimit());

        assertThat(page.moreThanTotal()).isTrue();
        assertThat(page.total()).isEqualTo(20 + Page.COUNT_CAP);
        assertThat(page.hasNext()).isTrue();
        assertThat(page.map(String::length).moreThanTotal()).as("kept through map").isTrue();
    }

    @Test
    void aCountShortOfTheLimitIsExact() {
        Page.Request second = new Page.Request(1, 20);

        Page<String> page = Page.counted(List.of("a"), second, 21);

        assertThat(page.moreThanTotal()).isFalse();
        assertThat(page.total()).isEqualTo(21);
        assertThat(page.totalPages()).isEqualTo(2);
        assertThat(page.hasNext()).isFalse();
        assertThat(new Page<>(List.of(), 0, 20, 5).moreThanTotal()).as("an exact page by default").isFalse();
    }
}
