package se.esam.lifecycle.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.esam.lifecycle.feedback.FeedbackStatus;
import se.esam.lifecycle.follow.DigestNews.Consultation;
import se.esam.lifecycle.follow.DigestNews.NewVersion;
import se.esam.lifecycle.follow.DigestNews.News;
import se.esam.lifecycle.follow.DigestNews.OpenItem;
import se.esam.lifecycle.follow.DigestNews.PublishedDisposition;
import se.esam.lifecycle.follow.Follows.Follow;

/** The grouping of one run's news per person, in memory. */
class DigestTest {

    static final Instant FROM = Instant.parse("2026-11-30T05:00:00Z");
    static final Instant TO = Instant.parse("2026-12-07T05:00:00Z");
    static final Instant IN = Instant.parse("2026-12-02T10:00:00Z");
    static final Instant BEFORE = Instant.parse("2026-11-29T10:00:00Z");

    static final News NEWS = new News(
            List.of(
                    new NewVersion("ds", "Digital samverkan", "5.0", "4.1", IN, Set.of("2.1", "3")),
                    new NewVersion("bu", "Behovsdriven utveckling", "1.1", "1.0", IN, Set.of("1")),
                    new NewVersion("ml", "Molntjänster", "2.0", "1.0", BEFORE, Set.of("1"))),
            List.of(new Consultation(7, "ds", "Digital samverkan", IN, Instant.parse("2026-12-30T23:00:00Z"))),
            List.of(
                    new PublishedDisposition("ds", "Digital samverkan", "5.0", "FB-1", "ACCEPTED", "2.1", "Ändrat."),
                    new PublishedDisposition("ds", "Digital samverkan", "5.0", "FB-2", "REJECTED", "3", "Nej."),
                    new PublishedDisposition("ml", "Molntjänster", "2.0", "FB-3", "ACCEPTED", "1", "Gammalt.")),
            List.of(
                    new OpenItem("FB-10", "org-a", "Digital samverkan", FeedbackStatus.IN_REVIEW, IN),
                    new OpenItem("FB-11", "org-a", "Digital samverkan", FeedbackStatus.IN_TRIAGE, BEFORE),
                    new OpenItem("FB-12", "org-b", "Digital samverkan", FeedbackStatus.IN_TRIAGE, IN)));

    static Follow follow(String guidance, String section) {
        return new Follow(1, "p", guidance, guidance, section, BEFORE);
    }

    @Test
    void aSectionFollowerHearsOfVersionsChangingTheSectionAndItsDispositionsOnly() {
        Digest.Content content =
                Digest.content(new Digest.Index(NEWS), List.of(follow("ds", "2.1"), follow("bu", "9")), null, FROM, TO);

        assertThat(content.versions()).extracting(NewVersion::number).containsExactly("5.0");
        assertThat(content.dispositions())
                .extracting(PublishedDisposition::reference)
                .containsExactly("FB-1");
        assertThat(content.consultations()).extracting(Consultation::revisionId).containsExactly(7L);
        assertThat(content.empty()).isFalse();
    }

    @Test
    void aWholeDocumentFollowWinsOverItsSectionFollowsAndHearsEverythingInTheWindow() {
        Digest.Content content = Digest.content(
                new Digest.Index(NEWS),
                List.of(follow("ds", "9.9"), follow("ds", null), follow("ml", null)),
                null,
                FROM,
                TO);

        assertThat(content.versions()).extracting(NewVersion::number).containsExactly("5.0");
        assertThat(content.dispositions())
                .extracting(PublishedDisposition::reference)
                .containsExactly("FB-1", "FB-2");
    }

    @Test
    void theOwnOrganisationsItemsOnlyAndTheyAreNewsOnlyWhenOneMoved() {
        Digest.Content a = Digest.content(new Digest.Index(NEWS), List.of(), "org-a", FROM, TO);
        Digest.Content quiet =
                Digest.content(new Digest.Index(NEWS), List.of(), "org-a", Instant.parse("2026-12-03T00:00:00Z"), TO);

        assertThat(a.openItems()).extracting(OpenItem::reference).containsExactly("FB-10", "FB-11");
        assertThat(a.changedItems()).containsExactly("FB-10");
        assertThat(a.empty()).isFalse();
        assertThat(quiet.empty()).isTrue();
    }

    @Test
    void nothingFollowedAndNoOrganisationIsNothingToSay() {
        assertThat(Digest.content(new Digest.Index(NEWS), List.of(follow("bu", "9")), null, FROM, TO)
                        .empty())
                .isTrue();
    }

    @Test
    void theMailNamesTheProductLinksTheComparisonAndSettingsAndNoOtherOrganisation() {
        Digest.Content content = Digest.content(new Digest.Index(NEWS), List.of(follow("ds", null)), "org-a", FROM, TO);
        DigestPeriod period = DigestPeriod.of(Frequency.WEEKLY, TO);

        String body = Digest.body(content, period, Optional.of("Myndigheten A"), FROM, TO, "https://x");

        assertThat(Digest.subject(period)).isEqualTo("eSam vägledningar: din sammanfattning för vecka 50");
        assertThat(body)
                .contains("eSam vägledningar")
                .contains("https://x/guidance/ds/compare?from=4.1&to=5.0")
                .contains("svara senast 2026-12-31")
                .contains("https://x/revisions/7")
                .contains("FB-1 (Digital samverkan 5.0, avsnitt 2.1): Godtagen för revision. Ändrat.")
                .contains("FB-2 (Digital samverkan 5.0, avsnitt 3): Avslagen. Nej.")
                .contains("Myndigheten As öppna synpunkter (2)")
                .contains("FB-10 (Digital samverkan): Granskas av expertgrupp – ändrad 2026-12-02")
                .contains("https://x/settings")
                .doesNotContain("FB-12");
    }
}
