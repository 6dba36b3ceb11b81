package org.qingshan.server.grid;

/** A photo of a patrol, re-encoded as JPEG, stored under a random name. */
public record PatrolPhoto(
    long id, long patrolId, String storedName, int size, int width, int height) {}
