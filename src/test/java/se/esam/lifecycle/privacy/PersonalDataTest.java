package se.esam.lifecycle.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import se.esam.lifecycle.privacy.PersonalData.Kind;

class PersonalDataTest {

    // Skatteverket's published test numbers: valid check digits, nobody's real number
    private static final String PERSONNUMMER = "811218-9876";
    private static final String SAMORDNINGSNUMMER = "701063-2391";

    @ParameterizedTest
    @ValueSource(strings = {"811218-9876", "8112189876", "19811218-9876", "198112189876", "811218+9876"})
    void personnummerInEveryWrittenFormIsFoundAndMasked(String number) {
        String text = "Min handläggare skrev " + number + " i beslutet.";

        assertThat(PersonalData.find(text)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.PERSONAL_IDENTITY_NUMBER);
            assertThat(f.text()).isEqualTo(number);
        });
        assertThat(PersonalData.mask(text)).isEqualTo("Min handläggare skrev [personnummer borttaget] i beslutet.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"701063-2391", "7010632391", "19701063-2391"})
    void samordningsnummerHasSixtyAddedToTheDay(String number) {
        assertThat(PersonalData.find("Samordningsnumret " + number + "."))
                .extracting(PersonalData.Finding::kind)
                .containsExactly(Kind.COORDINATION_NUMBER);
        assertThat(PersonalData.mask(number)).isEqualTo("[samordningsnummer borttaget]");
    }

    /** A wrong check digit is no identity number: it stays, as diary and article numbers of that shape do. */
    @ParameterizedTest
    @ValueSource(strings = {"811218-9875", "8112189870", "19811218-9877", "701063-2390"})
    void wrongCheckDigitIsNotAnIdentityNumber(String number) {
        assertThat(PersonalData.find("Ärende " + number)).isEmpty();
        assertThat(PersonalData.mask("Ärende " + number)).isEqualTo("Ärende " + number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"811318-9876", "811200-9876", "811232-9876", "21811218-9876", "1811218-98765"})
    void notADateOrPartOfALongerNumberIsLeftAlone(String text) {
        assertThat(PersonalData.find(text))
                .extracting(PersonalData.Finding::kind)
                .doesNotContain(Kind.PERSONAL_IDENTITY_NUMBER, Kind.COORDINATION_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"anna.andersson@pensionsmyndigheten.se", "o.ström+esam@kronofogden.example", "a@b.se"})
    void emailAddressesAreFound(String address) {
        String text = "Skriv till " + address + ", tack.";

        assertThat(PersonalData.mask(text)).isEqualTo("Skriv till [e-postadress borttagen], tack.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "08-123 45 67",
                "070-123 45 67",
                "0701234567",
                "+46 70 123 45 67",
                "+46701234567",
                "+46 (0)8 123 456 78",
                "0046 8 123 45 67",
                "031-12 34 56"
            })
    void swedishPhoneNumbersAreFound(String number) {
        String text = "Ring mig på " + number + " i morgon.";

        assertThat(PersonalData.find(text))
                .extracting(PersonalData.Finding::kind)
                .containsExactly(Kind.PHONE);
        assertThat(PersonalData.mask(text)).isEqualTo("Ring mig på [telefonnummer borttaget] i morgon.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Avsnitt 3.2 i version 4.1 gäller från 2026-01-23.",
                "Diarienummer 2026/1234 och FB-2026-0042.",
                "Se RFC 9110 och ISO 8601.",
                "Kapitel 12 har 345 ord."
            })
    void ordinaryTextWithNumbersIsClean(String text) {
        assertThat(PersonalData.find(text)).isEmpty();
        assertThat(PersonalData.isClean(text)).isTrue();
        assertThat(PersonalData.mask(text)).isEqualTo(text);
    }

    @Test
    void everythingInOneTextIsMaskedAndTheMaskedTextIsClean() {
        String text = "Jag (" + PERSONNUMMER + ", samordningsnummer " + SAMORDNINGSNUMMER
                + ") nås på anna@example.se eller 070-123 45 67.";

        String masked = PersonalData.mask(text);

        assertThat(masked)
                .isEqualTo("Jag ([personnummer borttaget], samordningsnummer [samordningsnummer borttaget]) "
                        + "nås på [e-postadress borttagen] eller [telefonnummer borttaget].");
        assertThat(PersonalData.isClean(masked)).isTrue();
        assertThat(PersonalData.describe(text))
                .isEqualTo("personnummer, samordningsnummer, e-postadress, telefonnummer");
        assertThat(PersonalData.describe("Inget här.")).isEmpty();
    }

    @Test
    void aPersonnummerIsNotAlsoTakenForAPhoneNumber() {
        assertThat(PersonalData.find("0112189874 och " + PERSONNUMMER))
                .extracting(PersonalData.Finding::kind)
                .allMatch(k -> k == Kind.PERSONAL_IDENTITY_NUMBER || k == Kind.PHONE)
                .contains(Kind.PERSONAL_IDENTITY_NUMBER);
        assertThat(PersonalData.mask(null)).isNull();
        assertThat(PersonalData.find(null)).isEmpty();
    }

    @Test
    void aGuidancesOwnTextKeepsItsContactDetailsButNeverAnIdentityNumber() {
        String text = "Ring växeln 0771-567 567 eller skriv till registrator@esam.example; exempel: 811218-9876.";

        assertThat(PersonalData.maskIdentityNumbers(text))
                .isEqualTo("Ring växeln 0771-567 567 eller skriv till registrator@esam.example; "
                        + "exempel: [personnummer borttaget].");
        assertThat(PersonalData.maskIdentityNumbers(null)).isNull();
    }

    @Test
    void luhnChecksTheTenDigits() {
        assertThat(PersonalData.luhn("8112189876")).isTrue();
        assertThat(PersonalData.luhn("8112189875")).isFalse();
    }
}
