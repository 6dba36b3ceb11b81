package org.qingshan.server.registryapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.registry.Enterprise;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.registry.Outlet;
import org.qingshan.server.registry.OutletRepository;
import org.qingshan.server.registry.RegistryAccess;
import org.qingshan.server.registryapi.RegistryApiModels.Created;
import org.qingshan.server.registryapi.RegistryApiModels.DeviceRequest;
import org.qingshan.server.registryapi.RegistryApiModels.EnterpriseDetail;
import org.qingshan.server.registryapi.RegistryApiModels.EnterprisePage;
import org.qingshan.server.registryapi.RegistryApiModels.EnterpriseRequest;
import org.qingshan.server.registryapi.RegistryApiModels.LimitRequest;
import org.qingshan.server.registryapi.RegistryApiModels.LimitView;
import org.qingshan.server.registryapi.RegistryApiModels.OutletDetail;
import org.qingshan.server.registryapi.RegistryApiModels.OutletRequest;
import org.qingshan.server.web.ApiErrors;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.SearchText;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pollution source registry for programs: enterprises, their outlets and limits, and devices.
 * Administrators write; everyone logged in reads what their scope covers. Callers log in (session
 * plus the CSRF token the pages carry) or send a personal API token.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "登记库", description = "固定污染源统一数据库：企业、排放口、限值、设备")
@SecurityRequirement(name = "bearerToken")
@ApiResponse(
    responseCode = "400",
    description = "字段有误",
    content = @Content(schema = @Schema(implementation = ApiErrors.class)))
@ApiResponse(responseCode = "401", description = "未登录，或接口令牌无效、已吊销", content = @Content)
@ApiResponse(
    responseCode = "403",
    description = "角色不允许，或记录不在本人数据权限内（记入审计）",
    content = @Content(schema = @Schema(implementation = ApiErrors.class)))
class RegistryApiController {
  private final RegistryApiService service;
  private final ApiRecordAccess access;
  private final RegistryAccess registryAccess;
  private final EnterpriseRepository enterprises;
  private final OutletRepository outlets;
  private final DeviceRegistry devices;

  RegistryApiController(
      RegistryApiService service,
      ApiRecordAccess access,
      RegistryAccess registryAccess,
      EnterpriseRepository enterprises,
      OutletRepository outlets,
      DeviceRegistry devices) {
    this.service = service;
    this.access = access;
    this.registryAccess = registryAccess;
    this.enterprises = enterprises;
    this.outlets = outlets;
    this.devices = devices;
  }

  @GetMapping("/enterprises")
  @Operation(summary = "企业列表", description = "按名称、信用代码、行业、地址或乡镇搜索，分页；只含本人数据权限内的企业。")
  EnterprisePage enterprises(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return EnterprisePage.of(
        enterprises.search(
            SearchText.of(q),
            Optional.empty(),
            Optional.empty(),
            registryAccess.departmentFilter(),
            registryAccess.idFilter(),
            PageQuery.of(page, size)));
  }

  @GetMapping("/enterprises/{id}")
  @Operation(summary = "一个企业及其排放口")
  @ApiResponse(responseCode = "200", description = "企业")
  @NotFoundAnswer("无此企业")
  EnterpriseDetail enterprise(@PathVariable long id) {
    Enterprise e = access.requireVisible(service.enterprise(id), ApiRecordAccess.ENTERPRISE, id);
    return EnterpriseDetail.of(e, outlets.ofEnterprise(id));
  }

  @PostMapping("/enterprises")
  @Operation(summary = "登记企业（管理员）")
  @ApiResponse(responseCode = "201", description = "已登记")
  @ConflictAnswer("统一社会信用代码已登记")
  ResponseEntity<Created> createEnterprise(@RequestBody EnterpriseRequest request) {
    long id = service.createEnterprise(request);
    return ResponseEntity.created(URI.create("/api/v1/enterprises/" + id)).body(new Created(id));
  }

  @PostMapping("/enterprises/{id}/outlets")
  @Operation(summary = "登记排放口（管理员）")
  @ApiResponse(responseCode = "201", description = "已登记")
  @NotFoundAnswer("无此企业")
  @ConflictAnswer("本企业已有此编号的排放口")
  ResponseEntity<Created> createOutlet(@PathVariable long id, @RequestBody OutletRequest request) {
    long outletId = service.createOutlet(id, request);
    return ResponseEntity.created(URI.create("/api/v1/outlets/" + outletId))
        .body(new Created(outletId));
  }

  @GetMapping("/outlets/{id}")
  @Operation(summary = "一个排放口及其限值与设备")
  @ApiResponse(responseCode = "200", description = "排放口")
  @NotFoundAnswer("无此排放口")
  OutletDetail outlet(@PathVariable long id) {
    Outlet o = service.outlet(id);
    access.requireVisible(service.enterprise(o.enterpriseId()), RegistryApiService.OUTLET, id);
    List<String> mns =
        outlets.devicesOfOutlet(id).stream()
            .map(devices::find)
            .flatMap(Optional::stream)
            .map(Device::mn)
            .toList();
    return OutletDetail.of(o, outlets.limits(id), mns);
  }

  @PutMapping("/outlets/{id}/limits")
  @Operation(summary = "替换排放口的全部限值（管理员）", description = "请求中的限值取代该排放口原有的全部限值；任何一条有误则都不改变。")
  @ApiResponse(responseCode = "200", description = "保存后的限值")
  @NotFoundAnswer("无此排放口")
  List<LimitView> replaceLimits(@PathVariable long id, @RequestBody List<LimitRequest> limits) {
    return service.replaceLimits(id, limits).stream().map(LimitView::of).toList();
  }

  @PostMapping("/devices")
  @Operation(summary = "登记设备（管理员）", description = "登记后网关即按 MN 与密码接收其数据；给出 outletId 时绑定到该排放口。")
  @ApiResponse(responseCode = "201", description = "已登记")
  @NotFoundAnswer("outletId 所指排放口不存在")
  @ConflictAnswer("MN 已登记")
  ResponseEntity<Created> registerDevice(@RequestBody DeviceRequest request) {
    long id = service.registerDevice(request);
    return ResponseEntity.created(URI.create("/devices/" + id)).body(new Created(id));
  }
}
