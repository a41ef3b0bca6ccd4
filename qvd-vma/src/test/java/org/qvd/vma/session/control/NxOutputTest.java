package org.qvd.vma.session.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qvd.protocol.state.XState;

class NxOutputTest {

    @Test
    void mapsTheLifecycleLinesNxagentPrints() {
        // lines as printed by nxagent 3.5.99.26 on this machine
        assertThat(NxOutput.stateOf("Session: Starting session at 'Thu Nov 26 15:47:27 2026'."))
                .contains(XState.STARTING);
        assertThat(NxOutput.stateOf("Info: Waiting for connection from any host on socket 'tcp:localhost:4100'."))
                .contains(XState.LISTENING);
        assertThat(NxOutput.stateOf("Session: Session started at 'Thu Nov 26 15:48:11 2026'."))
                .contains(XState.CONNECTED);
        assertThat(NxOutput.stateOf("Session: Suspending session at 'Thu Nov 26 15:56:33 2026'."))
                .contains(XState.SUSPENDING);
        assertThat(NxOutput.stateOf("Session: Session suspended at 'Thu Nov 26 15:56:34 2026'."))
                .contains(XState.SUSPENDED);
        assertThat(NxOutput.stateOf("Session: Resuming session at 'Thu Nov 26 15:56:36 2026'."))
                .contains(XState.STARTING);
        assertThat(NxOutput.stateOf("Session: Session resumed at 'Thu Nov 26 15:57:18 2026'."))
                .contains(XState.CONNECTED);
        assertThat(NxOutput.stateOf("Session: Terminating session at 'Thu Nov 26 15:48:16 2026'."))
                .contains(XState.STOPPING);
        assertThat(NxOutput.stateOf("Session: Session terminated at 'Thu Nov 26 15:48:16 2026'."))
                .contains(XState.STOPPED);
        assertThat(NxOutput.stateOf("Session: Aborting session at 'Thu Nov 26 15:55:42 2026'."))
                .contains(XState.STOPPING);
        assertThat(NxOutput.stateOf("Session: Session aborted at 'Thu Nov 26 15:55:42 2026'."))
                .contains(XState.STOPPED);
        assertThat(NxOutput.stateOf("Session: Display failure detected at 'Sat Sep  9 16:16:17 2017'."))
                .contains(XState.SUSPENDING);
    }

    @Test
    void ignoresOtherLines() {
        assertThat(NxOutput.stateOf("Info: Screen [0] resized to geometry [1600x1000] fullscreen [1]."))
                .isEmpty();
        assertThat(NxOutput.stateOf("Info: Listening to X11 connections on display ':100'."))
                .isEmpty();
        assertThat(NxOutput.stateOf("")).isEmpty();
        // a state word inside another message must not count
        assertThat(NxOutput.stateOf("Warning: user typed Session: Session started at"))
                .isEmpty();
    }

    @Test
    void readsTheAgentPid() {
        assertThat(NxOutput.agentPid("Info: Agent running with pid '10885'.")).contains(10885L);
        assertThat(NxOutput.agentPid("Info: Agent running with pid 'x1'.")).isEmpty();
    }

    @Test
    void copiesErrorsLifecycleAndProxyStepsToTheVmaLogButNotTheChatter() {
        // lines as printed by nxagent 3.5.99.26 on this machine
        assertThat(NxOutput.noteworthy("Error: Connection with remote peer broken."))
                .isTrue();
        assertThat(NxOutput.noteworthy("Warning: Refusing connection from '10.0.0.9'."))
                .isTrue();
        assertThat(NxOutput.noteworthy("Session: Aborting session at 'Sun Dec  6 09:58:02 2026'."))
                .isTrue();
        assertThat(NxOutput.noteworthy("Info: Accepted connection from '127.0.0.1'."))
                .isTrue();
        assertThat(NxOutput.noteworthy("Info: Connection with remote proxy completed."))
                .isTrue();
        assertThat(NxOutput.noteworthy("Info: Screen [0] resized to geometry [1600x1000] fullscreen [1]."))
                .isFalse();
        assertThat(NxOutput.noteworthy("NXAGENT - Version 3.5.99.26")).isFalse();
    }
}
