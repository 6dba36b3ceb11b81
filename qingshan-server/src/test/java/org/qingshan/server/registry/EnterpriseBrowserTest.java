package org.qingshan.server.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceForm;
import org.qingshan.server.device.DeviceKind;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.support.BrowserTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 一企一档 and the device chart in a real Chromium: the enterprise's page with its outlet over its
 * limit, and the trend chart with the limit line and the exceeding point drawn by the page's
 * script.
 */
class EnterpriseBrowserTest extends BrowserTestBase {
  @Autowired RegistryService service;
  @Autowired DeviceRegistry registry;
  @Autowired JdbcClient jdbc;
  @Autowired ZoneId zone;

  @Test
  void theEnterpriseFileAndTheDeviceChartShowTheLimit() {
    Enterprise e =
        service.createEnterprise(
            new EnterpriseForm(
                    "浏览器测试热电", "", "D4411", "火力发电", "", "青山镇", "", null, null, null, null, "", null,
                    null, null, "", "")
                .toEnterprise(0, new CreditCode(Codes.next())));
    Outlet o =
        service.saveOutlet(
            e.id(),
            Optional.empty(),
            new Outlet(
                0,
                e.id(),
                "DA001",
                "1号锅炉",
                OutletKind.GAS,
                true,
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
    service.putLimit(
        e.id(),
        o.id(),
        new OutletLimit(
            0,
            o.id(),
            "a21026",
            Averaging.HOUR,
            35,
            OptionalDouble.empty(),
            "mg/m³",
            Optional.of("GB 13223-2011"),
            false,
            OptionalDouble.empty()));
    Device d =
        registry.register(
            new DeviceForm(
                "QSBRW" + System.nanoTime() % 1_000_000_000L,
                "pw-b",
                "31",
                "1号锅炉烟气",
                DeviceKind.STACK_GAS,
                "",
                null,
                ProtocolVersion.HJ_212_2017,
                CrcDialect.STRICT,
                true,
                null,
                null));
    service.bindDevice(e.id(), o.id(), d.id());
    LocalDateTime hour = LocalDateTime.now(zone).truncatedTo(ChronoUnit.HOURS).minusHours(3);
    double[] values = {20, 48, 30};
    for (int i = 0; i < values.length; i++) {
      jdbc.sql(
              "INSERT INTO observation (device_id, kind, factor, data_time, val, flag)"
                  + " VALUES (:d, 'HOUR', 'a21026', :t, :v, 'N')")
          .param("d", d.id())
          .param("t", Timestamp.valueOf(hour.plusHours(i)))
          .param("v", values[i])
          .update();
    }

    List<String> problems = new ArrayList<>();
    try (BrowserContext context = browser.newContext()) {
      Page page = login(context, "dispatcher", "qingshan2026", problems);

      page.navigate(url("/enterprises"));
      // searched for: other tests on the shared server may have pushed it off the first page
      page.locator("form.search input[name=q]").fill("浏览器测试热电");
      page.locator("form.search input[name=q]").press("Enter");
      page.waitForLoadState();
      page.getByText("浏览器测试热电").first().click();
      page.waitForLoadState();
      assertThat(page.locator("h1").textContent()).isEqualTo("浏览器测试热电 · 一企一档");
      assertThat(page.locator("#outlet-DA001").innerText()).contains("1号锅炉", "35.0", "mg/m³");
      // the newest hour (30) is within the limit; the page links to the device
      assertThat(page.locator("#outlet-DA001 .exceeds").count()).isZero();

      page.locator("#outlet-DA001 a", new Page.LocatorOptions().setHasText(d.mn())).click();
      page.waitForSelector("#trend-chart[data-limit='35']");
      assertThat(page.locator("#trend-chart").getAttribute("data-exceeding")).isEqualTo("1");
      assertThat(page.locator("#device-outlet").innerText()).contains("浏览器测试热电", "DA001");
    }
    assertThat(problems).isEmpty();
  }
}
