package dev.l2r.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.l2r.Cli;
import dev.l2r.evaluate.HumanFormat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

/**
 * summary.html as a reader sees it, in headless Chromium 420 px wide: no console errors, a page that is
 * not blank, no horizontal scrolling, and every number marked {@code data-key} equal to the one
 * accountability.json holds.
 *
 * <p>It drives the system's Chromium (Debian {@code chromium} and {@code chromium-driver}) through Selenium
 * with both paths given, so Selenium Manager never downloads a browser or driver. Without
 * /usr/bin/chromium it is skipped, unless {@code CI} is set or {@code L2R_REQUIRE_BROWSER=1} (as .ci/run
 * sets it), when it fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryBrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("l2r.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("l2r.chromedriver", "/usr/bin/chromedriver"));
    static final int WIDTH = 420;
    static final ObjectMapper JSON = new ObjectMapper();

    private ChromeDriver browser;

    @TempDir
    Path tmp;

    /** Why there is no browser, or null. */
    private String missing;

    /** Each test starts here: without a browser it is skipped with the reason, or fails when one is required. */
    void requireBrowser() {
        if (missing == null) return;
        boolean required = System.getenv("CI") != null || "1".equals(System.getenv("L2R_REQUIRE_BROWSER"));
        if (required) fail(missing + "; CI or L2R_REQUIRE_BROWSER=1 requires the browser test");
        assumeTrue(false, missing + "; skipping the browser test (set L2R_REQUIRE_BROWSER=1 to fail instead)");
    }

    @BeforeAll
    void startBrowser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            missing = CHROMIUM + " or " + DRIVER
                    + " is missing: install Debian's chromium and chromium-driver (.ci/run does)";
            return;
        }
        System.setProperty("SE_OFFLINE", "true"); // Selenium Manager: never download
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--window-size=" + WIDTH + ",1200",
                "--hide-scrollbars");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        // headless Chromium will not make a window narrower than 500 px; the viewport can be, as on a phone
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", WIDTH, "height", 1200, "deviceScaleFactor", 1, "mobile", false));
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) browser.quit();
    }

    /** What the browser saw of one page. */
    record Page(
            List<LogEntry> severe,
            BufferedImage screenshot,
            long scrollWidth,
            long innerWidth,
            List<Map<String, Object>> keys) {}

    Page open(Path html) throws IOException {
        browser.manage().logs().get(LogType.BROWSER); // drop what earlier pages logged
        browser.get(html.toUri().toString());
        JavascriptExecutor js = browser;
        long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        long innerWidth = ((Number) js.executeScript("return window.innerWidth")).longValue();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> keys = (List<Map<String, Object>>)
                js.executeScript("return Array.from(document.querySelectorAll('[data-key]')).map(e =>"
                        + " ({key: e.dataset.key, value: e.dataset.value, text: e.innerText.trim()}))");
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(browser.getScreenshotAs(OutputType.BYTES)));
        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(x -> x.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
        return new Page(severe, shot, scrollWidth, innerWidth, keys);
    }

    /** Distinct colours and the share of pixels that are not (near) white. */
    static double[] ink(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        long dark = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
                if (r + g + b < 3 * 235) dark++;
            }
        }
        return new double[] {colours.size(), (double) dark / ((long) img.getWidth() * img.getHeight())};
    }

    /** The runs the test reads: the demo's two agreements and the committed summary cases. */
    List<String[]> runs() throws IOException {
        List<String[]> out = new ArrayList<>();
        // the quarter in order, so that September's page draws the trend of July and August from the history
        out.add(new String[] {
            "inside-sales 2026-09", "sla-templates/inside-sales.yaml", "examples/northwind", "2026-07..2026-09"
        });
        out.add(new String[] {
            "enterprise-abm 2026-Q3", "sla-templates/enterprise-abm.yaml", "examples/northwind", "2026-Q3"
        });
        return out;
    }

    @TestFactory
    Stream<DynamicTest> summaryHtmlIsCleanReadableNarrowAndTrueToTheJson() throws IOException {
        requireBrowser();
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] run : runs()) {
            tests.add(DynamicTest.dynamicTest(run[0], () -> {
                Path out = tmp.resolve(run[0].replace(' ', '-'));
                Cli r = Cli.run(
                        "check",
                        "--sla",
                        run[1],
                        "--data",
                        run[2],
                        "--period",
                        run[3],
                        "--out",
                        out.toString(),
                        "--fail-on",
                        "none",
                        "--history",
                        out + ".sqlite");
                assertEquals(0, r.code(), r.toString());
                String last = run[3].contains("..") ? run[3].substring(run[3].indexOf("..") + 2) : null;
                assertPage(last == null ? out : out.resolve(last));
                if (last != null) {
                    String first = run[3].substring(0, run[3].indexOf(".."));
                    assertTrue(
                            Files.readString(out.resolve(last).resolve("summary.html"))
                                    .contains(">" + first + "</text>"),
                            "the trend chart draws the first period of the range");
                }
            }));
        }
        for (Path dir : SummaryGoldenTest.cases()) {
            tests.add(DynamicTest.dynamicTest("summary case " + dir.getFileName(), () -> {
                Path out = tmp.resolve("case-" + dir.getFileName());
                Cli r = SummaryGoldenTest.check(dir, out);
                assertEquals(0, r.code(), r.toString());
                assertPage(out);
            }));
        }
        return tests.stream();
    }

    void assertPage(Path out) throws IOException {
        Page page = open(out.resolve("summary.html"));
        assertEquals(List.of(), page.severe().stream().map(LogEntry::toString).toList(), "console errors");
        double[] ink = ink(page.screenshot());
        assertTrue(ink[0] > 64, "a page of " + (int) ink[0] + " colours looks blank");
        assertTrue(ink[1] > 0.03, "only " + ink[1] + " of the pixels are not white");
        assertTrue(page.innerWidth() <= WIDTH, "viewport " + page.innerWidth());
        assertTrue(
                page.scrollWidth() <= page.innerWidth(),
                "the page scrolls sideways at " + WIDTH + " px: scrollWidth " + page.scrollWidth());

        JsonNode acc = JSON.readTree(Files.readString(out.resolve("accountability.json"), StandardCharsets.UTF_8));
        JsonNode runJson = JSON.readTree(Files.readString(out.resolve("run.json"), StandardCharsets.UTF_8));
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> k : page.keys()) {
            String key = (String) k.get("key");
            String value = (String) k.get("value");
            String text = (String) k.get("text");
            assertTrue(seen.add(key), "data-key " + key + " appears twice");
            JsonNode json = resolve(acc, runJson, key);
            assertNotNull(json, "data-key " + key + " names nothing in accountability.json or run.json");
            assertSameValue(key, json, value, text);
        }
        assertTrue(seen.contains("verdict"), "the verdict is marked: " + seen);
        assertTrue(seen.contains("compliance"), "compliance is marked: " + seen);
        assertTrue(seen.contains("violations.total"), "the violation count is marked: " + seen);
        for (JsonNode t : acc.get("teams")) {
            if (t.get("clauses").isEmpty()) continue;
            String key = "team:" + t.get("team").asText() + ":compliance";
            assertTrue(seen.contains(key), key + " is marked: " + seen);
        }
    }

    /**
     * The JSON value a data-key names: a dotted path from accountability.json's root (else run.json's),
     * or {@code team:T:PATH}, {@code team:T:clause:C:PATH}, {@code target:C:SUBJECT:PATH},
     * {@code person:P:PATH} into the matching array element.
     */
    static JsonNode resolve(JsonNode acc, JsonNode run, String key) {
        String[] p = key.split(":");
        if (p.length == 1) {
            JsonNode n = path(acc, key);
            return n != null ? n : path(run, key);
        }
        JsonNode base = null;
        int rest;
        switch (p[0]) {
            case "team" -> {
                base = find(acc.get("teams"), "team", p[1]);
                rest = 2;
                if (base != null && p.length > 4 && p[2].equals("clause")) {
                    base = find(base.get("clauses"), "clause_id", p[3]);
                    rest = 4;
                }
            }
            case "target" -> {
                rest = 3;
                for (JsonNode t : acc.get("targets")) {
                    if (t.get("clause_id").asText().equals(p[1])
                            && t.get("subject").asText().equals(p[2])) base = t;
                }
            }
            case "person" -> {
                base = find(acc.get("people"), "person", p[1]);
                rest = 2;
            }
            default -> {
                return null;
            }
        }
        return base == null || p.length != rest + 1 ? null : path(base, p[rest]);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        if (array == null) return null;
        for (JsonNode x : array) if (x.path(field).asText().equals(value)) return x;
        return null;
    }

    private static JsonNode path(JsonNode n, String dotted) {
        for (String part : dotted.split("\\.")) {
            if (n == null) return null;
            n = n.get(part);
        }
        return n;
    }

    /** data-value is the JSON value; the text shown says the same (a share as a percentage, a count in digits). */
    static void assertSameValue(String key, JsonNode json, String value, String text) {
        assertNotNull(value, key + " has no data-value");
        if (json.isNull()) {
            assertEquals("null", value, key);
            return;
        }
        if (json.isNumber()) {
            assertEquals(
                    0,
                    json.decimalValue().compareTo(new BigDecimal(value)),
                    key + ": page " + value + ", JSON " + json);
            boolean share = key.equals("compliance")
                    || key.endsWith(":compliance")
                    || key.startsWith("compliance_by_severity.");
            if (share) assertEquals(HumanFormat.percent(json.doubleValue()), text, key);
            else if (key.endsWith(":misses_left"))
                assertEquals(
                        json.asLong(),
                        Long.parseLong(text.replaceAll("[^0-9]", "")) * (text.endsWith(" over") ? -1 : 1),
                        key);
            else if (json.isIntegralNumber())
                assertEquals(json.asText(), text.replace(",", "").replaceAll("[^0-9-].*$", ""), key);
        } else if (json.isBoolean()) {
            assertEquals(json.asText(), value, key);
        } else {
            assertEquals(json.asText(), value, key);
            assertTrue(text.toLowerCase(java.util.Locale.ROOT).endsWith(json.asText()), key + ": shows " + text);
        }
    }

    /**
     * Prints on A4 and Letter: a PDF of a sane number of pages each, and with print styles at A4's printable
     * width (210 mm less 2 x 12 mm margins, 703 px at 96 dpi) nothing sticks out sideways.
     */
    @Test
    void printsOnA4AndLetter() throws IOException {
        requireBrowser();
        Path out = tmp.resolve("print");
        Cli r = Cli.run(
                "check",
                "--sla",
                "sla-templates/inside-sales.yaml",
                "--data",
                "examples/northwind",
                "--period",
                "2026-09",
                "--out",
                out.toString(),
                "--fail-on",
                "none",
                "--no-history");
        assertEquals(0, r.code(), r.toString());
        browser.get(out.resolve("summary.html").toUri().toString());
        for (PageSize size : List.of(PageSize.ISO_A4, PageSize.US_LETTER)) {
            PrintOptions options = new PrintOptions();
            options.setPageSize(size);
            byte[] pdf = Base64.getDecoder().decode(browser.print(options).getContent());
            String text = new String(pdf, StandardCharsets.ISO_8859_1);
            assertTrue(text.startsWith("%PDF"), "a PDF for " + size);
            Matcher m = Pattern.compile("/Type\\s*/Page[^s]").matcher(text);
            int pages = 0;
            while (m.find()) pages++;
            assertTrue(pages >= 2 && pages <= 20, pages + " pages on " + size);
        }
        try {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            browser.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", 703, "height", 1000, "deviceScaleFactor", 1, "mobile", false));
            browser.navigate().refresh();
            long scrollWidth =
                    ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
            assertTrue(scrollWidth <= 703, "printed at A4 width the page is " + scrollWidth + " px wide");
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
            browser.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", WIDTH, "height", 1200, "deviceScaleFactor", 1, "mobile", false));
        }
    }

    /** The checks above can fail: a console error, a blank page and a too-wide page are each caught. */
    @Test
    void theChecksCatchAConsoleErrorABlankPageAndSidewaysScrolling() throws IOException {
        requireBrowser();
        Path bad = tmp.resolve("bad.html");
        Files.writeString(
                bad,
                "<!DOCTYPE html><html><head><meta name=\"viewport\" content=\"width=device-width\"></head><body>"
                        + "<div style=\"width:600px;height:10px\"></div><script>console.error('boom')</script></body></html>");
        Page page = open(bad);
        assertFalse(page.severe().isEmpty(), "console.error was not seen");
        assertTrue(
                page.scrollWidth() > page.innerWidth(),
                "600 px in " + page.innerWidth() + " px: " + page.scrollWidth());
        double[] ink = ink(page.screenshot());
        assertTrue(ink[0] <= 64 || ink[1] <= 0.03, "a blank page passed as ink: " + ink[0] + " colours, " + ink[1]);
    }
}
