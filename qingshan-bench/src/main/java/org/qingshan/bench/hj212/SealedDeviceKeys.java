package org.qingshan.bench.hj212;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * SQL giving the load devices 1..N one SM4 key, sealed as the server seals it ({@code
 * device.MasterKey}: AES-256-GCM under the master key, a 12-byte nonce first, the device id bound
 * in), for {@code gateway-bench.sh} with {@code QINGSHAN_BENCH_SM4=1}: thousands of keys set
 * without thousands of page requests. If the two ever differ the server says which keys do not
 * open, and the run's packets go unanswered.
 *
 * <pre>java -cp benchmarks.jar org.qingshan.bench.hj212.SealedDeviceKeys MASTER_HEX64 SM4_HEX32 N
 * </pre>
 */
public final class SealedDeviceKeys {
  private SealedDeviceKeys() {}

  public static void main(String[] args) throws GeneralSecurityException {
    if (args.length != 3
        || !args[0].matches("[0-9A-Fa-f]{64}")
        || !args[1].matches("[0-9A-Fa-f]{32}")
        || !args[2].matches("\\d{1,5}")) {
      System.err.println("usage: SealedDeviceKeys MASTER_HEX64 SM4_HEX32 DEVICES");
      System.exit(2);
    }
    byte[] master = HexFormat.of().parseHex(args[0]);
    byte[] key = HexFormat.of().parseHex(args[1]);
    int devices = Integer.parseInt(args[2]);
    SecureRandom random = new SecureRandom();
    StringBuilder sql =
        new StringBuilder("INSERT INTO device_key (device_id, sealed_key, set_at) VALUES\n");
    for (int id = 1; id <= devices; id++) {
      sql.append("(")
          .append(id)
          .append(",'")
          .append(seal(master, key, id, random))
          .append("',NOW())")
          .append(id < devices ? ",\n" : ";\n");
    }
    System.out.print(sql);
  }

  static String seal(byte[] master, byte[] plain, long deviceId, SecureRandom random)
      throws GeneralSecurityException {
    byte[] nonce = new byte[12];
    random.nextBytes(nonce);
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(master, "AES"), new GCMParameterSpec(128, nonce));
    c.updateAAD(("qingshan-device-key:" + deviceId).getBytes(StandardCharsets.US_ASCII));
    byte[] sealed = c.doFinal(plain);
    byte[] out = new byte[nonce.length + sealed.length];
    System.arraycopy(nonce, 0, out, 0, nonce.length);
    System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
    return Base64.getEncoder().encodeToString(out);
  }
}
