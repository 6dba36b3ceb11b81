package org.qingshan.server.cases;

import org.springframework.util.unit.DataSize;

/** The upload limit of a form that sends a step's photos, for every page that has one. */
public final class CaseUploads {
  private CaseUploads() {}

  /** A step's photos at their largest, and room for the form's fields. */
  public static DataSize upload(CaseSettings settings) {
    return DataSize.ofBytes(
        settings.photoMaxSize().toBytes() * settings.maxPhotos()
            + DataSize.ofMegabytes(1).toBytes());
  }
}
