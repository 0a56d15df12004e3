/**
 * Personal data in free text: finds personal identity numbers (personnummer and samordningsnummer, checksum
 * checked), e-mail addresses and Swedish phone numbers, and masks them with fixed markers. Pure logic: the
 * publishing review of feedback and what a published version says use it; it depends on nothing.
 */
@ApplicationModule(
        displayName = "Personuppgifter",
        allowedDependencies = {})
package se.esam.lifecycle.privacy;

import org.springframework.modulith.ApplicationModule;
