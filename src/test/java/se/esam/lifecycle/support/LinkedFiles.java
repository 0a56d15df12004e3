package se.esam.lifecycle.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files a page makes the browser load: its scripts and style sheets, and for a Camunda webapp also the main
 * script of each plugin package it names ({@code window.PLUGIN_PACKAGES}), which the app's loader fetches next.
 * Read from the page as served, so a file the page names but the server does not serve is found without a browser.
 */
public final class LinkedFiles {

    private static final Pattern SCRIPT = Pattern.compile("<script[^>]*\\ssrc=\"([^\"]+)\"");
    private static final Pattern STYLE_SHEET = Pattern.compile("<link[^>]*\\shref=\"([^\"]+\\.css[^\"]*)\"");
    private static final Pattern PLUGIN_PACKAGE = Pattern.compile("location:\\s*'([^']+)',\\s*main:\\s*'([^']+)'");

    private LinkedFiles() {}

    /** The scripts and style sheets {@code page} links, as paths (with their query). */
    public static List<String> of(HttpAgent agent, String page) {
        return found(loaded(agent, page), List.of(SCRIPT, STYLE_SHEET));
    }

    /** What the page of {@code app} ("tasklist", "cockpit", "admin") loads at start, its plugins' scripts too. */
    public static List<String> webappAtStart(HttpAgent signedIn, String app) {
        String page = loaded(signedIn, "/camunda/app/" + app + "/default/");
        List<String> files = found(page, List.of(SCRIPT, STYLE_SHEET));
        Matcher plugin = PLUGIN_PACKAGE.matcher(page);
        while (plugin.find()) {
            files.add(plugin.group(1) + "/" + plugin.group(2));
        }
        if (files.stream().noneMatch(file -> file.contains("/plugin/"))) {
            throw new IllegalStateException(app + "'s page names no plugin package: its page has changed shape");
        }
        return files;
    }

    private static String loaded(HttpAgent agent, String page) {
        HttpAgent.Response response = agent.get(page);
        if (response.status() != 200) {
            throw new IllegalStateException(page + " did not load: " + response.status() + " " + response.location());
        }
        return response.body();
    }

    private static List<String> found(String page, List<Pattern> patterns) {
        List<String> files = new ArrayList<>();
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(page);
            while (matcher.find()) {
                files.add(matcher.group(1));
            }
        }
        return files;
    }
}
