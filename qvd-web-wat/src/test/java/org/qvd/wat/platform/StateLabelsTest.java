package org.qvd.wat.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.qvd.protocol.state.HostState;
import org.qvd.protocol.state.VmState;

/**
 * The WAT's lists, filters and dashboard charts name states from the state vocabulary: every VM and host state has a
 * label in English and in Spanish, so an added state shows a word, not a message key.
 */
class StateLabelsTest {

    @Test
    void everyVmAndHostStateHasAnEnglishAndASpanishLabel() {
        for (Locale locale : new Locale[] {Locale.ROOT, Locale.forLanguageTag("es")}) {
            ResourceBundle bundle = ResourceBundle.getBundle(Feedback.BUNDLE, locale);
            for (VmState state : VmState.values()) {
                assertThat(bundle.containsKey("vm.state." + state.wireName()))
                        .as("vm.state.%s (%s)", state.wireName(), locale)
                        .isTrue();
            }
            for (HostState state : HostState.values()) {
                assertThat(bundle.containsKey("host.state." + state.wireName()))
                        .as("host.state.%s (%s)", state.wireName(), locale)
                        .isTrue();
            }
        }
    }

    @Test
    void theListFiltersOfferEveryStateInTheVocabularysOrder() {
        Choices choices = new Choices();
        assertThat(choices.getVmStates())
                .containsExactly("stopped", "starting", "running", "stopping", "zombie", "debugging");
        assertThat(choices.getHostStates()).containsExactly("stopped", "starting", "running", "stopping", "lost");
    }
}
