package org.qingshan.server.plandispatch;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Plan imports run off the request thread, so the page can show a progress bar: the upload is
 * answered at once with a job whose stage the page polls, and the import itself (read, sections,
 * tasks, departments, save) runs on a small pool as the user who uploaded it, in one transaction,
 * so a refused file stores nothing. Finished jobs are kept a while for the page to read their
 * outcome, then forgotten; only the user who started a job may read it.
 */
@Component
class PlanImportJobs {
  /** How long a finished job's outcome can be read. */
  static final Duration KEPT = Duration.ofMinutes(15);

  /** Jobs waiting beyond those running: each holds its file (up to the upload limit) in memory. */
  private static final int WAITING = 4;

  private static final Logger log = LoggerFactory.getLogger(PlanImportJobs.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** running, done (the draft stored) or failed (nothing stored, a message why). */
  enum State {
    RUNNING,
    DONE,
    FAILED
  }

  /** What the page reads of a job. */
  record Status(
      String id,
      State state,
      PlanImportStage stage,
      String fileName,
      Optional<Long> planId,
      Optional<String> message) {}

  private static final class Job {
    final String id;
    final String owner;
    final String fileName;
    volatile PlanImportStage stage = PlanImportStage.QUEUED;
    volatile State state = State.RUNNING;
    volatile Long planId;
    volatile String message;
    volatile Instant finished;

    Job(String id, String owner, String fileName) {
      this.id = id;
      this.owner = owner;
      this.fileName = fileName;
    }

    Status status() {
      return new Status(
          id, state, stage, fileName, Optional.ofNullable(planId), Optional.ofNullable(message));
    }
  }

  private final PlanDispatchService plans;
  private final Messages messages;
  private final Clock clock;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final ThreadPoolExecutor pool;

  PlanImportJobs(PlanDispatchService plans, Messages messages, Clock clock) {
    this.plans = plans;
    this.messages = messages;
    this.clock = clock;
    AtomicInteger n = new AtomicInteger();
    // Two at a time: an import of a large PDF keeps a core busy for seconds.
    this.pool =
        new ThreadPoolExecutor(
            2,
            2,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(WAITING),
            r -> {
              Thread t = new Thread(r, "plan-import-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts importing the file as a draft (as the next version of {@code replaces} if given) for the
   * current user. A file of the wrong type or empty is refused here, before a job exists.
   */
  Status start(String fileName, byte[] bytes, Optional<Long> replaces, String remoteAddr) {
    String name = plans.checkUpload(fileName, bytes);
    forgetOld();
    SecurityContext context = SecurityContextHolder.getContext();
    Authentication auth = context.getAuthentication();
    Locale locale = LocaleContextHolder.getLocale();
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    Job job = new Job(HexFormat.of().formatHex(id), auth.getName(), name);
    jobs.put(job.id, job);
    try {
      pool.execute(() -> run(job, bytes, replaces, auth, locale, remoteAddr));
    } catch (RejectedExecutionException e) {
      jobs.remove(job.id);
      throw new UserFacingException("plandispatch.import.busy");
    }
    return job.status();
  }

  /** The job's status, to the user who started it; anyone else learns nothing of it. */
  Status status(String id, String username) {
    forgetOld();
    Job job = jobs.get(id);
    if (job == null || !job.owner.equals(username)) {
      throw new UserFacingException("plandispatch.import.job.not-found");
    }
    return job.status();
  }

  private void run(
      Job job,
      byte[] bytes,
      Optional<Long> replaces,
      Authentication auth,
      Locale locale,
      String remoteAddr) {
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(auth);
    SecurityContextHolder.setContext(context);
    LocaleContextHolder.setLocale(locale);
    // The audit log takes the address a change came from from the request; the job has none.
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(from(remoteAddr)));
    try {
      PlanDispatchService.Imported imported =
          plans.importPlan(job.fileName, bytes, replaces, stage -> job.stage = stage);
      job.planId = imported.plan().id();
      job.state = State.DONE;
    } catch (UserFacingException e) {
      job.message = messages.get(e.messageKey(), e.arguments());
      job.state = State.FAILED;
    } catch (AccessDeniedException e) {
      job.message = messages.get("plandispatch.denied");
      job.state = State.FAILED;
    } catch (RuntimeException e) {
      log.warn("plan import job {} of {} failed", job.id, job.fileName, e);
      job.message = messages.get("plandispatch.import.unreadable", job.fileName);
      job.state = State.FAILED;
    } finally {
      job.finished = clock.instant();
      RequestContextHolder.resetRequestAttributes();
      LocaleContextHolder.resetLocaleContext();
      SecurityContextHolder.clearContext();
    }
  }

  /** A request that only knows where it came from: all the audit log asks of it. */
  private static HttpServletRequest from(String remoteAddr) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            PlanImportJobs.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getRemoteAddr" -> remoteAddr;
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  case "toString" -> "plan import from " + remoteAddr;
                  default -> nothing(method.getReturnType());
                });
  }

  private static Object nothing(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    return null;
  }

  private void forgetOld() {
    Instant before = clock.instant().minus(KEPT);
    for (Iterator<Job> i = jobs.values().iterator(); i.hasNext(); ) {
      Instant finished = i.next().finished;
      if (finished != null && finished.isBefore(before)) {
        i.remove();
      }
    }
  }

  @PreDestroy
  void stop() {
    pool.shutdownNow();
  }
}
