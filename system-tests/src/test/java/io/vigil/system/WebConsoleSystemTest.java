package io.vigil.system;

import io.restassured.path.json.JsonPath;
import io.vigil.agent.ReferenceAgent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The web console in a real browser (Debian's headless Chromium driven by Selenium) against the platform as
 * processes, as a person at the console would use it: signs in with an API key, reads the fleet counts, watches a
 * computer go offline live (its row turns red without a reload), dismisses a clock-change alert, reads a computer's
 * effective settings with their sources and a policy's own settings. Screenshots of each step are kept in
 * {@code system-tests/target/screenshots/}.
 */
class WebConsoleSystemTest {

    private static final int INTERVAL_SECONDS = 3;

    private final Platform platform = Platform.shared();
    private final Console console = new Console(platform);
    private final List<ReferenceAgent> agents = new ArrayList<>();
    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(platform.root.resolve("system-tests/target/screenshots"));
    }

    @AfterEach
    void close() throws Exception {
        if (browser != null) {
            browser.close();
        }
        for (ReferenceAgent agent : agents) {
            agent.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPersonWatchesTheFleetLiveDismissesAClockChangeAndReadsEffectiveSettings() throws Exception {
        String run = Long.toString(System.nanoTime() % 1_000_000);
        String policyName = "browser-" + run;
        long policyID = console.createPolicy(policyName, Map.of(
                "platformSettingHeartbeatInterval", INTERVAL_SECONDS + " Seconds",
                "platformSettingHeartbeatMissedAlertThreshold", "1",
                "platformSettingHeartbeatLocalTimeShiftAlertThreshold", "10 Seconds",
                "platformSettingAgentCommunicationsDirection", "Agent/Appliance Initiated"));
        ReferenceAgent steady = activate(policyID, "browser-steady-" + run);
        ReferenceAgent silent = activate(policyID, "browser-silent-" + run);
        for (ReferenceAgent agent : List.of(steady, silent)) {
            await("computer " + agent.computerID() + " active").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    console.registry().get("/api/computers/" + agent.computerID()).then()
                            .body("computerStatus.agentStatus", equalTo("active")));
        }

        // sign in: the key is typed into the page, kept in the tab and never in a URL or a cookie
        browser.open(platform.url(platform.consolePort) + "/");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/console/");
        browser.screenshot("01-sign-in");
        browser.find("#api-key").sendKeys("wrong-key");
        browser.find("#login-submit").click();
        browser.awaitText("#login-error", "The API key was refused.");
        browser.find("#api-key").sendKeys(Platform.FULL_KEY);
        browser.find("#login-submit").click();
        browser.awaitAttribute("#live", "data-state", "live");
        assertThat(browser.script("return document.cookie")).isEqualTo("");
        assertThat(browser.script("return sessionStorage.getItem('vigil.apiKey')")).isEqualTo(Platform.FULL_KEY);
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(Platform.FULL_KEY);

        // the fleet: the counts the page shows are what the API says, the chart draws them
        await("fleet counts as the API says").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> computers = allComputers();
            long active = computers.stream().filter(c -> "active".equals(status(c))).count();
            long offline = computers.stream().filter(c -> "offline".equals(status(c))).count();
            assertThat(browser.text("#count-total")).isEqualTo(Integer.toString(computers.size()));
            assertThat(browser.text("#count-active")).isEqualTo(Long.toString(active));
            assertThat(browser.text("#count-offline")).isEqualTo(Long.toString(offline));
            assertThat(browser.attribute("#chart-status rect[data-label='active']", "data-value"))
                    .isEqualTo(Long.toString(active));
        });
        assertThat(Integer.parseInt(browser.text("#count-active"))).isGreaterThanOrEqualTo(2);
        assertThat(browser.all("#tls-table tbody tr")).hasSize(4);
        browser.screenshot("02-fleet");

        // a computer goes silent: its row turns offline and red while the page stays loaded. Every element is looked
        // up when it is used: the live page may redraw the table at any time (a computer it has not seen appears).
        browser.click("nav button[data-view='computers']");
        String silentStatus = "#computers-table tr[data-computer-id='" + silent.computerID() + "'] td.status";
        assertThat(browser.text(silentStatus)).isEqualTo("active");
        browser.script("window.vigilLoadedOnce = 'still the same page'");
        silent.pauseHeartbeats();
        await("row turns offline live").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> "offline".equals(browser.textNow(silentStatus)));
        assertThat(browser.script("return window.vigilLoadedOnce")).as("no reload").isEqualTo("still the same page");
        assertThat(browser.attribute(silentStatus, "data-status")).isEqualTo("offline");
        assertThat(browser.cssValue(silentStatus, "background-color")).isEqualTo("rgba(198, 40, 40, 1)");
        browser.screenshot("03-offline-live");
        browser.click("nav button[data-view='overview']");
        await("offline counted").atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                browser.text("#count-offline")).isEqualTo(Long.toString(allComputers().stream()
                .filter(c -> "offline".equals(status(c))).count())));

        // a clock change: the alert appears live and is dismissed from the page
        steady.jumpClock(Duration.ofMinutes(5));
        long alertID = await("clock-change alert").atMost(Duration.ofSeconds(60))
                .until(() -> clockChangeAlerts(steady.computerID()), list -> !list.isEmpty()).getFirst();
        browser.click("nav button[data-view='alerts']");
        String alertRow = "#alerts-table tr[data-alert-id='" + alertID + "']";
        await("alert shown").atMost(Duration.ofSeconds(30))
                .until(() -> browser.maybe(alertRow + " button.dismiss"), b -> b != null);
        assertThat(browser.text(alertRow + " td.state")).isEqualTo("active");
        browser.screenshot("04-clock-change-alert");
        browser.click(alertRow + " button.dismiss");
        await("dismissed in the API").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                console.alerts().get("/api/alerts/" + alertID).then().body("state", equalTo("dismissed")));
        await("gone from the open alerts").atMost(Duration.ofSeconds(30))
                .until(() -> browser.maybe(alertRow) == null);
        new Select(browser.find("#alert-state")).selectByValue("all");
        await("in the history as dismissed").atMost(Duration.ofSeconds(30))
                .until(() -> "dismissed".equals(browser.textNow(alertRow + " td.state")));
        browser.screenshot("05-alert-dismissed");

        // a computer's effective settings and where each comes from; the policy's own settings in the tree
        browser.click("nav button[data-view='computers']");
        browser.click("#computers-table tr[data-computer-id='" + steady.computerID() + "']");
        String interval = "#settings-table tr[data-setting='platformSettingHeartbeatInterval']";
        await("effective settings").atMost(Duration.ofSeconds(30)).until(() -> browser.maybe(interval) != null);
        assertThat(browser.text(interval + " td.value")).isEqualTo(INTERVAL_SECONDS + " Seconds");
        assertThat(browser.text(interval + " td.source"))
                .isEqualTo("policy " + policyName + " (" + policyID + ")");
        assertThat(browser.all("#settings-table tbody tr").size()).isGreaterThan(5);
        assertThat(browser.text("#detail-title")).contains("browser-steady-" + run);
        browser.screenshot("06-effective-settings");
        String steadyRow = "#computers-table tr[data-computer-id='" + steady.computerID() + "']";
        browser.find("#filter-host").sendKeys("browser-steady-" + run);
        await("the list filtered").atMost(Duration.ofSeconds(30))
                .until(() -> browser.all("#computers-table tbody tr").size() == 1);
        assertThat(browser.attribute(steadyRow, "class")).as("the chosen row stays marked when the list is redrawn")
                .contains("selected");
        browser.click("nav button[data-view='policies']");
        browser.click("#policy-tree button[data-policy-id='" + policyID + "']");
        assertThat(browser.text("#policy-settings tr[data-setting='platformSettingHeartbeatMissedAlertThreshold']"))
                .contains("1");
        assertThat(browser.text("#policy-title")).contains(policyName).contains("under");
        browser.screenshot("07-policy");

        assertThat(browser.cspViolations()).as("the page breaks none of its own policy").isEmpty();
    }

    private ReferenceAgent activate(long policyID, String hostName) throws Exception {
        ReferenceAgent agent = console.activateAgent(policyID, hostName);
        agents.add(agent);
        return agent;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> allComputers() {
        List<Map<String, Object>> all = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonPath page = console.registry().get("/api/computers?limit=1000&after=" + after).then().statusCode(200)
                    .extract().jsonPath();
            List<Map<String, Object>> computers = (List<Map<String, Object>>) (List<?>) page.getList("computers",
                    Map.class);
            all.addAll(computers);
            if (computers.size() < 1000) {
                return all;
            }
            after = ((Number) computers.getLast().get("ID")).longValue();
        }
    }

    @SuppressWarnings("unchecked")
    private static String status(Map<String, Object> computer) {
        return (String) ((Map<String, Object>) computer.get("computerStatus")).get("agentStatus");
    }

    private List<Long> clockChangeAlerts(long computerID) {
        return console.alerts().get("/api/alerts?state=active&alertType=clock-change&computerID=" + computerID)
                .then().statusCode(200).extract().jsonPath().getList("alerts.ID", Long.class);
    }
}
