package se.esam.lifecycle.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files a Camunda webapp's page makes the browser load as it starts: its scripts and style sheets, and the main
 * script of each plugin package it names ({@code window.PLUGIN_PACKAGES}), which the app's loader fetches next.
 * Read from the page as served, so a file the page names but the server does not serve is found without a browser.
 */
public final class WebappFiles {

    private static final Pattern SCRIPT = Pattern.compile("<script[^>]*\\ssrc=\"([^\"]+)\"");
    private static final Pattern STYLE_SHEET = Pattern.compile("<link[^>]*\\shref=\"([^\"]+\\.css[^\"]*)\"");
    private static final Pattern PLUGIN_PACKAGE = Pattern.compile("location:\\s*'([^']+)',\\s*main:\\s*'([^']+)'");

    private WebappFiles() {}

    /** The paths (with their query) that the page of {@code app} ("tasklist", "cockpit", "admin") loads at start. */
    public static List<String> loadedAtStart(HttpAgent signedIn, String app) {
        HttpAgent.Response page = signedIn.get("/camunda/app/" + app + "/default/");
        if (page.status() != 200) {
            throw new IllegalStateException(app + " did not load: " + page.status() + " " + page.location());
        }
        List<String> files = new ArrayList<>();
        for (Pattern pattern : List.of(SCRIPT, STYLE_SHEET)) {
            Matcher matcher = pattern.matcher(page.body());
            while (matcher.find()) {
                files.add(matcher.group(1));
            }
        }
        Matcher plugin = PLUGIN_PACKAGE.matcher(page.body());
        while (plugin.find()) {
            files.add(plugin.group(1) + "/" + plugin.group(2));
        }
        if (files.stream().noneMatch(file -> file.contains("/plugin/"))) {
            throw new IllegalStateException(app + "'s page names no plugin package: its page has changed shape");
        }
        return files;
    }
}
