package org.qingshan.server.duty;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.qingshan.server.alarm.AlarmChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open duty screens, told of each changed alarm by server push (Server-Sent Events). The event
 * carries the alarm's id and status only; each screen then reads the list it shows, so a filter and
 * the user's rights apply as for any other read. Alarms change on the ingest writer's thread:
 * sending is handed to a thread of its own, so a slow browser never holds up storing data.
 */
@Component
class AlarmStream {
  private static final Logger log = LoggerFactory.getLogger(AlarmStream.class);

  /** A screen reconnects after this by itself (EventSource does), which frees dead connections. */
  static final Duration TIMEOUT = Duration.ofMinutes(30);

  static final int MAX_SCREENS = 500;

  private final List<SseEmitter> screens = new CopyOnWriteArrayList<>();
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "duty-screen-push");
            t.setDaemon(true);
            return t;
          });

  /** A new screen's stream, or empty when too many are open already. */
  SseEmitter open() {
    SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
    if (screens.size() >= MAX_SCREENS) {
      emitter.completeWithError(new IllegalStateException("too many duty screens"));
      return emitter;
    }
    screens.add(emitter);
    emitter.onCompletion(() -> screens.remove(emitter));
    emitter.onTimeout(() -> screens.remove(emitter));
    emitter.onError(e -> screens.remove(emitter));
    try {
      // The first bytes tell the browser the stream is open, so the screen stops polling.
      emitter.send(SseEmitter.event().name("ready").data("ready"));
    } catch (IOException e) {
      screens.remove(emitter);
    }
    return emitter;
  }

  int screens() {
    return screens.size();
  }

  @EventListener
  void changed(AlarmChanged change) {
    Map<String, Object> data =
        Map.of("id", change.alarmId(), "status", change.status().name(), "opened", change.opened());
    try {
      sender.execute(
          () ->
              send(() -> SseEmitter.event().name("alarm").data(data, MediaType.APPLICATION_JSON)));
    } catch (RejectedExecutionException e) {
      log.debug("duty screens not told of alarm {}: shutting down", change.alarmId());
    }
  }

  /** A comment now and then finds the screens that went away (their send fails). */
  @Scheduled(fixedDelay = 25_000)
  void keepAlive() {
    if (!screens.isEmpty()) {
      sender.execute(() -> send(() -> SseEmitter.event().comment("keep-alive")));
    }
  }

  /** An event built afresh for each screen: a built event cannot be sent twice. */
  private void send(Supplier<SseEmitter.SseEventBuilder> event) {
    for (SseEmitter screen : screens) {
      try {
        screen.send(event.get());
      } catch (IOException | IllegalStateException e) {
        screens.remove(screen);
        screen.completeWithError(e);
      }
    }
  }

  @PreDestroy
  void stop() {
    sender.shutdownNow();
    screens.forEach(SseEmitter::complete);
    screens.clear();
  }
}
