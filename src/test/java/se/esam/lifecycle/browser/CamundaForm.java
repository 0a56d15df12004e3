package se.esam.lifecycle.browser;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A Camunda Form (form-js) as Tasklist renders it, in the start dialog or in a task's Form tab.
 * <p>
 * form-js gives every field the DOM id {@code fjs-form-<random>-<component id>}, so fields are found by the
 * component ids of the {@code .form} files (e.g. {@code Field_sectionId}); choices are picked by the label a
 * person reads. Selects are form-js dropdowns, not native {@code <select>} elements.
 */
final class CamundaForm {

    private final Browser browser;
    /** The element around the form (the start dialog or the task details column), as CSS and as XPath. */
    private final String scope;
    private final String scopeXpath;

    CamundaForm(Browser browser, String scope, String scopeXpath) {
        this.browser = browser;
        this.scope = scope;
        this.scopeXpath = scopeXpath;
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(scope + " form.fjs-form")));
    }

    /** Types into a text field or text area and leaves it, which makes form-js take the value at once. */
    CamundaForm type(String componentId, String text) {
        WebElement field = browser.until(ExpectedConditions.elementToBeClickable(field(componentId)));
        browser.centre(field);
        field.clear();
        field.sendKeys(text);
        field.sendKeys(Keys.TAB);
        return expectValue(componentId, text);
    }

    /** Picks the radio button with this label. */
    CamundaForm choose(String componentId, String optionLabel) {
        By option = radio(componentId, optionLabel);
        browser.click(option);
        browser.waiting().withMessage(() -> "radio '" + optionLabel + "' of " + componentId + " to be selected")
                .until(ExpectedConditions.elementSelectionStateToBe(option, true));
        return this;
    }

    /** Opens a form-js dropdown and picks the entry with this label. */
    CamundaForm select(String componentId, String optionLabel) {
        browser.click(display(componentId));
        browser.click(By.xpath(scopeXpath + "//div[contains(@class,'fjs-form-field-select')][.//*[@id and substring(@id, "
                + "string-length(@id) - string-length('-" + componentId + "-display') + 1) = '-" + componentId
                + "-display']]//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()="
                + literal(optionLabel) + "]"));
        return expectSelected(componentId, optionLabel);
    }

    /** Waits until the text field or area shows exactly this (pre-filled values arrive after rendering). */
    CamundaForm expectValue(String componentId, String expected) {
        awaitValue(componentId, "'" + expected + "'", expected::equals);
        return this;
    }

    /** Waits until the field's value passes the test, then returns it. */
    String awaitValue(String componentId, String description, Predicate<String> test) {
        return browser.waiting()
                .withMessage(() -> componentId + " to show " + description + " but it shows '" + valueOf(componentId) + "'")
                .until(d -> {
                    String value = valueOf(componentId);
                    return value != null && test.test(value) ? value : null;
                });
    }

    /** Waits until the dropdown shows this entry as chosen. */
    CamundaForm expectSelected(String componentId, String optionLabel) {
        browser.waiting()
                .withMessage(() -> componentId + " to show '" + optionLabel + "' as chosen")
                .until(d -> Objects.equals(optionLabel, d.findElement(display(componentId)).getText().trim()));
        return this;
    }

    String valueOf(String componentId) {
        WebDriver driver = browser.driver();
        List<WebElement> fields = driver.findElements(field(componentId));
        return fields.isEmpty() ? null : fields.get(0).getDomProperty("value");
    }

    private By field(String componentId) {
        return By.cssSelector(scope + " input[id$='-" + componentId + "'], " + scope + " textarea[id$='-" + componentId + "']");
    }

    private By display(String componentId) {
        return By.cssSelector(scope + " [id$='-" + componentId + "-display']");
    }

    private By radio(String componentId, String optionLabel) {
        return By.xpath(scopeXpath + "//label[input[@type='radio' and contains(@id, '-" + componentId + "-')]][normalize-space()="
                + literal(optionLabel) + "]/input");
    }

    /** An XPath string literal; labels here have no quotes, but better safe. */
    private static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
