package org.qingshan.hj212.packet;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * One HJ 212 packet: the fields of the data segment and its typed data area. A decoded packet also
 * keeps the bytes it was decoded from, for audit and replay.
 */
public final class Packet {
  private final String qn;
  private final String st;
  private final String cn;
  private final String pw;
  private final String mn;
  private final Flag flag;
  private final Split split;
  private final DataArea cp;
  private final byte[] raw;
  private final boolean resent;
  private final boolean encrypted;

  private Packet(Builder b) {
    this.qn = b.qn;
    this.st = Objects.requireNonNull(b.st, "ST");
    this.cn = Objects.requireNonNull(b.cn, "CN");
    this.pw = Objects.requireNonNull(b.pw, "PW");
    this.mn = Objects.requireNonNull(b.mn, "MN");
    this.flag = b.flag;
    this.split = b.split;
    this.cp = b.cp;
    this.raw = b.raw;
    this.resent = b.resent;
    this.encrypted = b.encrypted;
  }

  /** {@code RF=1} (HJ 212-2025): the device sends this packet again, as back-filled data. */
  public boolean resent() {
    return resent;
  }

  /** Whether the data area came SM4-encrypted (HJ 212-2025); {@link #cp()} is the plain text. */
  public boolean encrypted() {
    return encrypted;
  }

  /** QN (request id, a timestamp to the millisecond); absent in most 2005-era uploads. */
  public Optional<String> qn() {
    return Optional.ofNullable(qn);
  }

  /**
   * ST, the system code (31 flue gas, 32 waste water, 21 surface water, 22 air, 91 interaction).
   */
  public String st() {
    return st;
  }

  /** CN, the command code. */
  public String cn() {
    return cn;
  }

  /** PW, the access password. */
  public String pw() {
    return pw;
  }

  /** MN, the device's unique id. */
  public String mn() {
    return mn;
  }

  /** Flag; absent in most 2005-era packets. */
  public Optional<Flag> flag() {
    return Optional.ofNullable(flag);
  }

  /** PNUM/PNO of a split packet. */
  public Optional<Split> split() {
    return Optional.ofNullable(split);
  }

  /** The data area. */
  public DataArea cp() {
    return cp;
  }

  /** Whether the sender asked for a reply (Flag bit A). */
  public boolean replyRequested() {
    return flag != null && flag.replyRequested();
  }

  /** Protocol generation; a packet without Flag is taken as HJ/T 212-2005. */
  public ProtocolVersion protocol() {
    return flag == null ? ProtocolVersion.HJT_212_2005 : flag.version();
  }

  /**
   * Protocol generation, with {@code withoutFlag} (the device's setting) for a packet without Flag.
   */
  public ProtocolVersion protocol(ProtocolVersion withoutFlag) {
    return flag == null ? withoutFlag : flag.version();
  }

  /**
   * The QN a 9011/9012 answer refers to: its own QN in HJ 212-2017, the QN inside CP in HJ/T
   * 212-2005.
   */
  public Optional<String> answeredQn() {
    Optional<String> inCp = cp.value("QN");
    return inCp.isPresent() ? inCp : qn();
  }

  /** The bytes this packet was decoded from (empty for a built packet). */
  public byte[] rawBytes() {
    return raw == null ? new byte[0] : raw.clone();
  }

  /** The packet as received, if it was decoded. */
  public Optional<String> rawText() {
    return raw == null ? Optional.empty() : Optional.of(new String(raw, StandardCharsets.UTF_8));
  }

  /** A builder starting from this packet's fields (without its raw bytes). */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.qn = qn;
    b.st = st;
    b.cn = cn;
    b.pw = pw;
    b.mn = mn;
    b.flag = flag;
    b.split = split;
    b.cp = cp;
    b.resent = resent;
    return b;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "Packet[QN="
        + qn
        + ";ST="
        + st
        + ";CN="
        + cn
        + ";MN="
        + mn
        + (flag == null ? "" : ";Flag=" + flag.value())
        + (split == null ? "" : ";PNUM=" + split.total() + ";PNO=" + split.number())
        + (resent ? ";RF=1" : "")
        + ";CP=&&"
        + cp.text()
        + "&&]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Packet p
        && Objects.equals(p.qn, qn)
        && p.st.equals(st)
        && p.cn.equals(cn)
        && p.pw.equals(pw)
        && p.mn.equals(mn)
        && Objects.equals(p.flag, flag)
        && Objects.equals(p.split, split)
        && p.resent == resent
        && p.cp.equals(cp);
  }

  @Override
  public int hashCode() {
    return Objects.hash(qn, st, cn, mn, cp.text());
  }

  /** Builder; ST, CN, PW and MN are required, CP defaults to empty. */
  public static final class Builder {
    private String qn;
    private String st;
    private String cn;
    private String pw;
    private String mn;
    private Flag flag;
    private Split split;
    private DataArea cp = DataArea.EMPTY_AREA;
    private byte[] raw;
    private boolean resent;
    private boolean encrypted;

    private Builder() {}

    /** {@code RF=1}: a re-sent packet (HJ 212-2025). */
    public Builder resent(boolean resent) {
      this.resent = resent;
      return this;
    }

    /** Set by the decoder when the data area came encrypted. */
    public Builder encrypted(boolean encrypted) {
      this.encrypted = encrypted;
      return this;
    }

    public Builder qn(String qn) {
      this.qn = qn;
      return this;
    }

    public Builder noQn() {
      this.qn = null;
      return this;
    }

    public Builder st(String st) {
      this.st = st;
      return this;
    }

    public Builder cn(String cn) {
      this.cn = cn;
      return this;
    }

    public Builder pw(String pw) {
      this.pw = pw;
      return this;
    }

    public Builder mn(String mn) {
      this.mn = mn;
      return this;
    }

    public Builder flag(Flag flag) {
      this.flag = flag;
      return this;
    }

    public Builder noFlag() {
      this.flag = null;
      return this;
    }

    public Builder split(Split split) {
      this.split = split;
      return this;
    }

    public Builder noSplit() {
      this.split = null;
      return this;
    }

    public Builder cp(DataArea cp) {
      this.cp = Objects.requireNonNull(cp);
      return this;
    }

    /** Raw bytes, set by the decoder; kept without copying. */
    public Builder raw(byte[] raw) {
      this.raw = raw;
      return this;
    }

    public Packet build() {
      return new Packet(this);
    }
  }
}
