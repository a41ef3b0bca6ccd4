package org.qvd.vmas.image.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.error.NotFoundException;

class TagRulesTest {

    private final Osf osf = new Osf(new Tenant("t", null), "debian", 256, true, 0, null);

    private Di add(String version) {
        return TagRules.addDi(osf, version, version + ".qcow2", null, false);
    }

    @Test
    void theFirstDiGetsItsVersionHeadAndDefault() {
        Di first = add("1.0");
        assertThat(first.getTagNames()).containsExactlyInAnyOrder("1.0", "head", "default");
        assertThat(first.tag("1.0")).get().extracting(DiTag::isFixed).isEqualTo(true);
    }

    @Test
    void headMovesToTheNewestDiAndDefaultStays() {
        Di first = add("1.0");
        Di second = add("2.0");
        assertThat(osf.resolve("head")).contains(second);
        assertThat(osf.resolve("default")).contains(first);
        assertThat(second.getTagNames()).containsExactlyInAnyOrder("2.0", "head");
    }

    @Test
    void aNewDiMayTakeDefaultWhenAsked() {
        add("1.0");
        Di second = TagRules.addDi(osf, "2.0", "2.qcow2", null, true);
        assertThat(osf.resolve("default")).contains(second);
    }

    @Test
    void taggingMovesTheTagFromTheOtherDi() {
        Di first = add("1.0");
        Di second = add("2.0");
        assertThat(TagRules.tag(osf, first, "testing")).isPresent();
        assertThat(TagRules.tag(osf, second, "testing")).isEmpty();
        assertThat(first.hasTag("testing")).isFalse();
        assertThat(second.hasTag("testing")).isTrue();
        TagRules.tag(osf, second, "default");
        assertThat(osf.resolve("default")).contains(second);
        assertThat(osf.getDis().stream().filter(d -> d.hasTag("default"))).hasSize(1);
    }

    @Test
    void fixedVersionTagsCannotBeMovedOrRemoved() {
        Di first = add("1.0");
        Di second = add("2.0");
        assertThatThrownBy(() -> TagRules.tag(osf, second, "1.0"))
                .isInstanceOf(DiTagException.class)
                .extracting("code")
                .isEqualTo("di.tag_fixed");
        assertThatThrownBy(() -> TagRules.untag(first, "1.0")).isInstanceOf(DiTagException.class);
        assertThat(first.hasTag("1.0")).isTrue();
    }

    @Test
    void headCannotBeSetAndHeadOrDefaultCannotBeRemoved() {
        Di first = add("1.0");
        add("2.0");
        assertThatThrownBy(() -> TagRules.tag(osf, first, "head"))
                .isInstanceOf(DiTagException.class)
                .extracting("code")
                .isEqualTo("di.tag_reserved");
        assertThatThrownBy(() -> TagRules.untag(first, "default")).isInstanceOf(DiTagException.class);
    }

    @Test
    void untagsAMovableTag() {
        Di first = add("1.0");
        TagRules.tag(osf, first, "beta");
        DiTag removed = TagRules.untag(first, "beta");
        assertThat(removed.getTag()).isEqualTo("beta");
        assertThat(first.hasTag("beta")).isFalse();
        assertThatThrownBy(() -> TagRules.untag(first, "beta")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void removingADiHandsHeadAndDefaultToTheNewestRemaining() {
        Di first = add("1.0");
        Di second = add("2.0");
        Di third = add("3.0");
        TagRules.tag(osf, third, "default");
        TagRules.removeDi(osf, third);
        assertThat(osf.resolve("head")).contains(second);
        assertThat(osf.resolve("default")).contains(second);
        assertThat(third.getTagNames()).containsExactly("3.0");
        assertThat(first.getTagNames()).containsExactly("1.0");
    }

    @Test
    void refusesDuplicateVersionsAndBadNames() {
        add("1.0");
        assertThatThrownBy(() -> add("1.0"))
                .isInstanceOf(DiTagException.class)
                .extracting("code")
                .isEqualTo("di.duplicate");
        assertThatThrownBy(() -> add("head")).isInstanceOf(DiTagException.class);
        assertThatThrownBy(() -> add("bad tag")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void resolvesOnlyUsableDis() {
        Di first = add("1.0");
        first.block();
        assertThat(osf.resolveUsable("default")).isEmpty();
        assertThat(osf.resolve("default")).contains(first);
    }
}
