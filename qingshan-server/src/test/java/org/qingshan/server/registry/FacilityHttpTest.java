package org.qingshan.server.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceForm;
import org.qingshan.server.device.DeviceKind;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Facilities, which treats which, their channels, and permitted totals, over HTTP. */
@DemoServerTest
class FacilityHttpTest {
  @LocalServerPort int port;
  @Autowired FacilityRepository facilities;
  @Autowired PermitTotalRepository permits;
  @Autowired DeviceRegistry registry;

  @Test
  void productionAndTreatmentAreLinkedAndMetered() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    long eid = EnterpriseHttpTest.create(admin, "设施测试水泥", Codes.next());
    String base = "/enterprises/" + eid;
    admin.get(base);
    Codes.submit(
        admin,
        base + "/facilities",
        Map.of("name", "1号熟料生产线", "kind", "PRODUCTION", "ratedPowerKw", "800"));
    Codes.submit(
        admin,
        base + "/facilities",
        Map.of("name", "1号脱硝设施", "kind", "TREATMENT", "ratedCurrentA", "120"));
    long production =
        facilities.ofEnterprise(eid).stream()
            .filter(f -> f.kind() == FacilityKind.PRODUCTION)
            .findFirst()
            .orElseThrow()
            .id();
    long treatment =
        facilities.ofEnterprise(eid).stream()
            .filter(f -> f.kind() == FacilityKind.TREATMENT)
            .findFirst()
            .orElseThrow()
            .id();
    // a production line cannot treat a treatment facility
    String wrong =
        Codes.submit(
            admin,
            base + "/facilities/links",
            Map.of(
                "productionId", String.valueOf(treatment),
                "treatmentId", String.valueOf(production)));
    assertThat(wrong).contains("只能把治污设施关联到生产设施");
    Codes.submit(
        admin,
        base + "/facilities/links",
        Map.of(
            "productionId", String.valueOf(production), "treatmentId", String.valueOf(treatment)));
    assertThat(facilities.linksOfEnterprise(eid)).containsExactly(Map.entry(production, treatment));

    Device meter =
        registry.register(
            new DeviceForm(
                "QSMETER" + System.nanoTime() % 1_000_000_000L,
                "pw-m",
                "44",
                "分表计电",
                DeviceKind.ELECTRICITY,
                "",
                null,
                ProtocolVersion.HJ_212_2025,
                CrcDialect.STRICT,
                false,
                null,
                null));
    String badCode =
        Codes.submit(
            admin,
            base + "/facilities/" + treatment + "/channels",
            Map.of("deviceId", String.valueOf(meter.id()), "code", "p99101", "kind", "CURRENT"));
    assertThat(badCode).contains("与类型不符");
    Codes.submit(
        admin,
        base + "/facilities/" + treatment + "/channels",
        Map.of("deviceId", String.valueOf(meter.id()), "code", "d30104", "kind", "CURRENT"));
    assertThat(facilities.channelsOfEnterprise(eid))
        .singleElement()
        .satisfies(c -> assertThat(c.code()).isEqualTo("d30104"));
    // renamed, its rated power changed: still the same facility with its link and channel
    Codes.submit(
        admin,
        base + "/facilities",
        Map.of(
            "facilityId", String.valueOf(production),
            "name", "1号熟料生产线（改造后）",
            "kind", "PRODUCTION",
            "ratedPowerKw", "800"));
    assertThat(facilities.findById(production).orElseThrow().name()).isEqualTo("1号熟料生产线（改造后）");
    // a linked facility cannot change its kind
    String kindChange =
        Codes.submit(
            admin,
            base + "/facilities",
            Map.of("facilityId", String.valueOf(production), "name", "x", "kind", "TREATMENT"));
    assertThat(kindChange).contains("不能改变类别");
    assertThat(facilities.findById(production).orElseThrow().kind())
        .isEqualTo(FacilityKind.PRODUCTION);
    String page = admin.get(base).body();
    assertThat(page).contains("1号熟料生产线", "1号脱硝设施", "d30104", meter.mn(), "800.0", "电流");
  }

  @Test
  void permittedTotalsAreSetAndNegativeOnesRefused() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    long eid = EnterpriseHttpTest.create(admin, "许可量测试", Codes.next());
    String base = "/enterprises/" + eid;
    admin.get(base);
    Codes.submit(admin, base + "/permits", Map.of("pollutant", "a21026", "tonnes", "120.5"));
    String negative =
        Codes.submit(admin, base + "/permits", Map.of("pollutant", "a21026", "tonnes", "-1"));
    assertThat(negative).contains("不能为负数");
    assertThat(permits.ofEnterprise(eid))
        .singleElement()
        .satisfies(t -> assertThat(t.tonnes()).isEqualTo(120.5));
    assertThat(admin.get(base).body()).contains("二氧化硫", "120.5");
  }
}
