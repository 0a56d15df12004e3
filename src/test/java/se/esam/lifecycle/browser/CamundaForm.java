package se.esam.lifecycle.browser;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** Empties a text field or text area the way a person does (select all, delete) and leaves it. */
    CamundaForm erase(String componentId) {
        WebElement field = browser.until(ExpectedConditions.elementToBeClickable(field(componentId)));
        browser.centre(field);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        field.sendKeys(Keys.TAB);
        return expectValue(componentId, "");
    }

    /** Waits until form-js shows this error text below the field. */
    CamundaForm expectError(String componentId, String text) {
        By error = By.cssSelector(scope + " [id$='-" + componentId + "-error-message']");
        browser.waiting()
                .withMessage(() -> componentId + " to show the error '" + text + "'; it shows "
                        + browser.driver().findElements(error).stream()
                                .map(WebElement::getText)
                                .toList())
                .until(d -> d.findElements(error).stream()
                        .anyMatch(e -> e.isDisplayed() && e.getText().trim().equals(text)));
        return this;
    }

    /** Waits until the field shows no error. */
    CamundaForm expectNoError(String componentId) {
        browser.waiting()
                .withMessage(() -> componentId + " to show no error")
                .until(ExpectedConditions.invisibilityOfElementLocated(
                        By.cssSelector(scope + " [id$='-" + componentId + "-error-message']")));
        return this;
    }

    /** Waits until the dropdown shows nothing chosen: form-js's placeholder, which reads "Välj" here. */
    CamundaForm expectNothingSelected(String componentId) {
        browser.waiting()
                .withMessage(() -> componentId + " to show the placeholder 'Välj'")
                .until(d -> {
                    WebElement display = d.findElement(display(componentId));
                    return display.getDomAttribute("class").contains("fjs-select-placeholder")
                            && "Välj".equals(display.getText().trim());
                });
        return this;
    }

    /** What the form shows a person: its visible text and the placeholders and labels of its controls. */
    String shownText() {
        WebElement form = browser.driver().findElement(By.cssSelector(scope + " form.fjs-form"));
        StringBuilder shown = new StringBuilder(form.getText());
        for (WebElement labelled : form.findElements(By.cssSelector("[placeholder], [aria-label], [title]"))) {
            for (String attribute : List.of("placeholder", "aria-label", "title")) {
                String value = labelled.getDomAttribute(attribute);
                if (value != null) {
                    shown.append('\n').append(value);
                }
            }
        }
        return shown.toString();
    }

    /** Picks the radio button with this label. */
    CamundaForm choose(String componentId, String optionLabel) {
        By option = radio(componentId, optionLabel);
        browser.click(option);
        browser.waiting()
                .withMessage(() -> "radio '" + optionLabel + "' of " + componentId + " to be selected")
                .until(ExpectedConditions.elementSelectionStateToBe(option, true));
        return this;
    }

    /** Opens a form-js dropdown and picks the entry with this label. */
    CamundaForm select(String componentId, String optionLabel) {
        browser.click(display(componentId));
        browser.click(
                By.xpath(scopeXpath + "//div[contains(@class,'fjs-form-field-select')][.//*[@id and substring(@id, "
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
                .withMessage(
                        () -> componentId + " to show " + description + " but it shows '" + valueOf(componentId) + "'")
                .until(d -> {
                    String value = valueOf(componentId);
                    return value != null && test.test(value) ? value : null;
                });
    }

    /** Waits until the dropdown shows this entry as chosen. */
    CamundaForm expectSelected(String componentId, String optionLabel) {
        browser.waiting()
                .withMessage(() -> componentId + " to show '" + optionLabel + "' as chosen")
                .until(d -> Objects.equals(
                        optionLabel,
                        d.findElement(display(componentId)).getText().trim()));
        return this;
    }

    /**
     * A field inside a form-js dynamic list: form-js appends the row index to the component id
     * ({@code fjs-form-<random>-Field_item_trace_1}), so the other methods take this as their component id.
     */
    static String row(String componentId, int index) {
        return componentId + "_" + index;
    }

    /**
     * The index of the dynamic-list row whose field shows this value (e.g. the section numbered "3"), once
     * the list has rendered; rows are found by what they show, not by their position.
     */
    int rowWhere(String componentId, String value) {
        Pattern index = Pattern.compile("-" + Pattern.quote(componentId) + "_(\\d+)$");
        By fields = rowFields(componentId);
        return browser.waiting()
                .withMessage(() -> "a row of the dynamic list whose " + componentId + " shows '" + value
                        + "'; rows show " + rowValues(fields))
                .until(d -> {
                    for (WebElement field : d.findElements(fields)) {
                        Matcher matcher = index.matcher(field.getDomAttribute("id"));
                        if (matcher.find() && value.equals(field.getDomProperty("value"))) {
                            return Integer.valueOf(matcher.group(1));
                        }
                    }
                    return null;
                });
    }

    /** How many rows the dynamic list shows, counted by a text field or area every row has. */
    int rowCount(String componentId) {
        return browser.driver().findElements(rowFields(componentId)).size();
    }

    /** Waits until the field is no longer in the form (a field hidden by its condition is not rendered). */
    CamundaForm expectHidden(String componentId) {
        browser.waiting()
                .withMessage(() -> componentId + " to be hidden")
                .until(ExpectedConditions.invisibilityOfElementLocated(field(componentId)));
        return this;
    }

    /** Waits until the field is shown and disabled: the person may read it but not change it. */
    CamundaForm expectDisabled(String componentId) {
        browser.waiting()
                .withMessage(() -> componentId + " to be shown disabled")
                .until(d -> {
                    List<WebElement> fields = d.findElements(field(componentId));
                    return !fields.isEmpty()
                            && fields.get(0).isDisplayed()
                            && !fields.get(0).isEnabled();
                });
        return this;
    }

    private By rowFields(String componentId) {
        return By.cssSelector(
                scope + " input[id*='-" + componentId + "_'], " + scope + " textarea[id*='-" + componentId + "_']");
    }

    private List<String> rowValues(By fields) {
        return browser.driver().findElements(fields).stream()
                .map(field -> field.getDomAttribute("id").replaceFirst("^fjs-form-[^-]*-", "") + "="
                        + field.getDomProperty("value"))
                .toList();
    }

    String valueOf(String componentId) {
        WebDriver driver = browser.driver();
        List<WebElement> fields = driver.findElements(field(componentId));
        return fields.isEmpty() ? null : fields.get(0).getDomProperty("value");
    }

    private By field(String componentId) {
        return By.cssSelector(
                scope + " input[id$='-" + componentId + "'], " + scope + " textarea[id$='-" + componentId + "']");
    }

    private By display(String componentId) {
        return By.cssSelector(scope + " [id$='-" + componentId + "-display']");
    }

    private By radio(String componentId, String optionLabel) {
        return By.xpath(scopeXpath + "//label[input[@type='radio' and contains(@id, '-" + componentId
                + "-')]][normalize-space()=" + literal(optionLabel) + "]/input");
    }

    /** An XPath string literal; labels here have no quotes, but better safe. */
    private static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
