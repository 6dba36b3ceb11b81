package org.qingshan.server.support;

import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.server.device.DeviceForm;
import org.qingshan.server.device.DeviceKind;

/** Registration forms of test devices: a stack of an HJ 212-2017 data logger, password pw-MN. */
public final class TestForms {
  private TestForms() {}

  /** A stack outlet with a location, hour data expected, in a department or none (null). */
  public static DeviceForm stack(String mn, String name, Long departmentId) {
    return new DeviceForm(
        mn,
        "pw-" + mn,
        "31",
        name,
        DeviceKind.STACK_GAS,
        "测试企业",
        departmentId,
        ProtocolVersion.HJ_212_2017,
        CrcDialect.STRICT,
        true,
        115.6,
        36.5);
  }
}
