package org.qingshan.server.registryapi;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.qingshan.server.registry.Averaging;
import org.qingshan.server.registry.Enterprise;
import org.qingshan.server.registry.Outlet;
import org.qingshan.server.registry.OutletKind;
import org.qingshan.server.registry.OutletLimit;
import org.qingshan.server.web.PageResult;

/**
 * The JSON shapes of the registry API. Requests take enumerations as the lower-case words the API
 * documents ("gas", "hour"), checked by the service so that a wrong word gets a field and a message
 * rather than a parse error.
 */
final class RegistryApiModels {
  private RegistryApiModels() {}

  @Schema(description = "登记企业")
  record EnterpriseRequest(
      @Schema(
              description = "企业名称",
              example = "兖州热电有限公司",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String name,
      @Schema(
              description = "统一社会信用代码（18 位，GB 32100 校验位）",
              example = "91370882MA3C12345X",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String creditCode) {}

  @Schema(description = "登记排放口")
  record OutletRequest(
      @Schema(description = "排放口编号", example = "DA001", requiredMode = Schema.RequiredMode.REQUIRED)
          String code,
      @Schema(description = "名称", example = "1号锅炉烟囱", requiredMode = Schema.RequiredMode.REQUIRED)
          String name,
      @Schema(
              description = "gas（废气）或 water（废水）",
              allowableValues = {"gas", "water"},
              requiredMode = Schema.RequiredMode.REQUIRED)
          String kind) {}

  @Schema(description = "一个因子在一个均值周期的排放限值")
  record LimitRequest(
      @Schema(
              description = "HJ 212 因子编码",
              example = "a21026",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String factor,
      @Schema(
              description = "限值（不小于 0）",
              example = "35",
              requiredMode = Schema.RequiredMode.REQUIRED)
          Double limit,
      @Schema(description = "单位", example = "mg/m3", requiredMode = Schema.RequiredMode.REQUIRED)
          String unit,
      @Schema(
              description = "均值周期：realtime（实时预警）、hour（小时均值）、day（日均值）",
              allowableValues = {"realtime", "hour", "day"},
              requiredMode = Schema.RequiredMode.REQUIRED)
          String averaging,
      @Schema(description = "是否按折算值判定", defaultValue = "false") Boolean corrected,
      @Schema(description = "折算的基准氧含量 %（0 至 21，不含 21）；折算时必填", example = "6") Double referenceO2) {}

  @Schema(description = "登记设备（数采仪）")
  record DeviceRequest(
      @Schema(
              description = "设备唯一标识 MN（1 至 32 位字母数字）",
              example = "37088200000001",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String mn,
      @Schema(description = "接入密码 PW", requiredMode = Schema.RequiredMode.REQUIRED) String password,
      @Schema(
              description = "系统编码 ST（两位数字）",
              example = "31",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String st,
      @Schema(description = "所属排放口 id（可选）") Long outletId,
      @Schema(description = "设备名称（可选，缺省为企业与排放口名称）") String name) {}

  @Schema(description = "新记录的 id")
  record Created(long id) {}

  @Schema(description = "企业（列表项）")
  record EnterpriseView(
      long id,
      String name,
      String creditCode,
      Optional<String> industryCode,
      Optional<String> industryName,
      Optional<String> town,
      Optional<String> address) {
    static EnterpriseView of(Enterprise e) {
      return new EnterpriseView(
          e.id(),
          e.name(),
          e.creditCode().value(),
          e.industryCode(),
          e.industryName(),
          e.town(),
          e.address());
    }
  }

  @Schema(description = "一页企业")
  record EnterprisePage(List<EnterpriseView> items, long total, int page, int size) {
    static EnterprisePage of(PageResult<Enterprise> result) {
      return new EnterprisePage(
          result.items().stream().map(EnterpriseView::of).toList(),
          result.total(),
          result.page(),
          result.query().size());
    }
  }

  @Schema(description = "企业及其排放口")
  record EnterpriseDetail(
      long id,
      String name,
      String creditCode,
      Optional<String> industryCode,
      Optional<String> industryName,
      Optional<String> town,
      Optional<String> address,
      Optional<String> permitNumber,
      List<OutletView> outlets) {
    static EnterpriseDetail of(Enterprise e, List<Outlet> outlets) {
      return new EnterpriseDetail(
          e.id(),
          e.name(),
          e.creditCode().value(),
          e.industryCode(),
          e.industryName(),
          e.town(),
          e.address(),
          e.permitNumber(),
          outlets.stream().map(OutletView::of).toList());
    }
  }

  @Schema(description = "排放口")
  record OutletView(
      long id,
      long enterpriseId,
      String code,
      String name,
      @Schema(allowableValues = {"gas", "water"}) String kind) {
    static OutletView of(Outlet o) {
      return new OutletView(o.id(), o.enterpriseId(), o.code(), o.name(), word(o.kind()));
    }
  }

  @Schema(description = "排放口及其限值与监测设备")
  record OutletDetail(
      long id,
      long enterpriseId,
      String code,
      String name,
      @Schema(allowableValues = {"gas", "water"}) String kind,
      Optional<String> emissionStandard,
      List<LimitView> limits,
      @Schema(description = "绑定在本排放口的设备 MN") List<String> devices) {
    static OutletDetail of(Outlet o, List<OutletLimit> limits, List<String> devices) {
      return new OutletDetail(
          o.id(),
          o.enterpriseId(),
          o.code(),
          o.name(),
          word(o.kind()),
          o.emissionStandard(),
          limits.stream().map(LimitView::of).toList(),
          devices);
    }
  }

  @Schema(description = "排放限值")
  record LimitView(
      String factor,
      double limit,
      String unit,
      @Schema(allowableValues = {"realtime", "hour", "day"}) String averaging,
      boolean corrected,
      Optional<Double> referenceO2) {
    static LimitView of(OutletLimit l) {
      return new LimitView(
          l.factor(),
          l.limit(),
          l.unit(),
          word(l.averaging()),
          l.corrected(),
          l.referenceO2().isPresent()
              ? Optional.of(l.referenceO2().getAsDouble())
              : Optional.empty());
    }
  }

  static String word(OutletKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  static String word(Averaging averaging) {
    return averaging.name().toLowerCase(Locale.ROOT);
  }
}
