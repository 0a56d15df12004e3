package se.esam.lifecycle.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegistryPropertiesTest {

    @Test
    void theDefaultFormatIsYearSlashSequence() {
        assertThat(new RegistryProperties("ESAM {year}/{sequence}", "", null).number(2026, 42))
                .isEqualTo("ESAM 2026/42");
    }

    @Test
    void theSequenceCanBeZeroPadded() {
        RegistryProperties padded = new RegistryProperties("Dnr {sequence:4}-{year}", null, null);

        assertThat(padded.number(2027, 7)).isEqualTo("Dnr 0007-2027");
        assertThat(padded.number(2027, 12345)).isEqualTo("Dnr 12345-2027");
    }

    @Test
    void aFormatThatWouldRepeatNumbersIsRefusedAtStart() {
        assertThatThrownBy(() -> new RegistryProperties("ESAM {sequence}", null, null))
                .hasMessageContaining("{year}");
        assertThatThrownBy(() -> new RegistryProperties("ESAM {year}", null, null))
                .hasMessageContaining("{sequence}");
        assertThatThrownBy(() -> new RegistryProperties(null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void markingsDefaultToNoneOnReceiptAndSekretessKanGallaForPersonalData() {
        RegistryProperties properties = new RegistryProperties("ESAM {year}/{sequence}", " ", null);

        assertThat(properties.defaultSecrecyMarking()).isNull();
        assertThat(properties.personalDataSecrecyMarking()).isEqualTo("Sekretess kan gälla");
    }

    @Test
    void replacementCharactersInTheFormatAreTakenLiterally() {
        assertThat(new RegistryProperties("$ {year}\\{sequence}", null, null).number(2026, 1))
                .isEqualTo("$ 2026\\1");
    }
}
