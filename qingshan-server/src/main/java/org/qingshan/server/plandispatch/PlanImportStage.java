package org.qingshan.server.plandispatch;

import org.qingshan.plan.common.ImportStep;

/**
 * Where an import job stands, in the order a planner sees them on the progress bar: the importer's
 * own steps, then the unit names matched to departments and the draft saved.
 */
public enum PlanImportStage {
  QUEUED,
  READING,
  SECTIONS,
  TASKS,
  DEPARTMENTS,
  SAVING;

  static PlanImportStage of(ImportStep step) {
    return switch (step) {
      case READING -> READING;
      case SECTIONS -> SECTIONS;
      case TASKS -> TASKS;
    };
  }
}
