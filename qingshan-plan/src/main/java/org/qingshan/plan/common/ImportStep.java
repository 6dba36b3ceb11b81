package org.qingshan.plan.common;

/**
 * The steps of one import, told to a listener as each begins, so a server can show how far a large
 * document has got (a progress bar) without the importer knowing about it.
 */
public enum ImportStep {
  /** The file is read into numbered lines (docx, pdf, text, web page). */
  READING,
  /** Title, period, indicator table and the chapters and sections are found. */
  SECTIONS,
  /** The chapters' paragraphs are split into tasks with their units and dated targets. */
  TASKS
}
