package org.qingshan.server.cases;

/** A photo of a case step, re-encoded as JPEG, stored under a random name. */
public record CasePhoto(
    long id, long caseId, long stepId, String storedName, int size, int width, int height) {}
