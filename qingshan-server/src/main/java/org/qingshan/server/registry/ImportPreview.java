package org.qingshan.server.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An uploaded registry workbook, read and checked, waiting for the administrator to confirm it: the
 * rows that can be imported and the ones that cannot, each with its reason.
 */
public record ImportPreview(
    String fileName,
    List<EnterpriseRow> enterprises,
    List<OutletRow> outlets,
    List<LimitRow> limits,
    List<PermitRow> permits,
    List<FacilityRow> facilities,
    List<ChannelRow> channels,
    List<RowError> errors,
    Map<String, Integer> rowsPerSheet) {

  /** A row that cannot be imported: sheet, Excel row number, column and the reason in Chinese. */
  public record RowError(String sheet, int row, String column, String reason) {}

  public record EnterpriseRow(Enterprise enterprise) {}

  public record OutletRow(String creditCode, Outlet outlet, List<String> deviceMns) {}

  public record LimitRow(String creditCode, String outletCode, OutletLimit limit) {}

  public record PermitRow(String creditCode, String pollutant, double tonnes) {}

  public record FacilityRow(
      String creditCode,
      String name,
      FacilityKind kind,
      OptionalDouble ratedPowerKw,
      OptionalDouble ratedCurrentA,
      List<String> serves) {}

  public record ChannelRow(
      String creditCode, String facilityName, String mn, String code, ChannelKind kind) {}

  public int goodRows() {
    return enterprises.size()
        + outlets.size()
        + limits.size()
        + permits.size()
        + facilities.size()
        + channels.size();
  }

  /** The rows of a sheet that will be imported. */
  public int good(String sheet) {
    return switch (sheet) {
      case RegistrySheets.ENTERPRISES -> enterprises.size();
      case RegistrySheets.OUTLETS -> outlets.size();
      case RegistrySheets.LIMITS -> limits.size();
      case RegistrySheets.PERMITS -> permits.size();
      case RegistrySheets.FACILITIES -> facilities.size();
      case RegistrySheets.CHANNELS -> channels.size();
      default -> 0;
    };
  }

  public Optional<Integer> rows(String sheet) {
    return Optional.ofNullable(rowsPerSheet.get(sheet));
  }
}
