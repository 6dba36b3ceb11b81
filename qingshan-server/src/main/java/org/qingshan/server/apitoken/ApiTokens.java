package org.qingshan.server.apitoken;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.security.AppUser;
import org.qingshan.server.security.BearerAuthenticator;
import org.qingshan.server.security.BearerRefused;
import org.qingshan.server.security.BearerResult;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.security.QingshanPrincipal;
import org.qingshan.server.user.UserRepository;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.qingshan.server.web.UserFacingException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: an administrator issues one for a user, sees it once, and revokes it; the
 * security filter asks here who a presented token speaks for. Issuing and revoking are audited;
 * refused tokens are announced by security.
 */
@Service
public class ApiTokens implements BearerAuthenticator {
  public static final String ENTITY = "api-token";

  /** A token's last use is written at most this often. */
  private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

  /** Tokens carry no password: their principal's is never checked. */
  private static final String NO_PASSWORD = "";

  private final ApiTokenRepository tokens;
  private final UserRepository users;
  private final AuditLog audit;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final Messages messages;

  ApiTokens(
      ApiTokenRepository tokens,
      UserRepository users,
      AuditLog audit,
      CurrentUser currentUser,
      Clock clock,
      Messages messages) {
    this.messages = messages;
    this.tokens = tokens;
    this.users = users;
    this.audit = audit;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  public BearerResult authenticate(String secret) {
    Optional<ApiTokenRepository.Stored> found = tokens.findByHash(TokenSecrets.hash(secret));
    if (found.isEmpty()) {
      return BearerResult.refused(BearerRefused.Reason.UNKNOWN, "");
    }
    ApiTokenRepository.Stored token = found.get();
    if (token.revoked()) {
      return BearerResult.refused(BearerRefused.Reason.REVOKED, token.label());
    }
    Optional<AppUser> user = users.findById(token.userId()).filter(AppUser::enabled);
    if (user.isEmpty()) {
      return BearerResult.refused(BearerRefused.Reason.USER_DISABLED, token.label());
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    tokens.touch(token.id(), now, now.minus(USE_RESOLUTION));
    return BearerResult.accepted(new QingshanPrincipal(user.get(), NO_PASSWORD), token.label());
  }

  public PageResult<ApiToken> search(Optional<String> text, PageQuery page) {
    return tokens.search(text, page);
  }

  /** Issues a token for the named user; the secret is in the answer only. */
  @Transactional
  public IssuedToken issue(String username, String name) {
    AppUser user =
        users
            .findByUsername(username.trim())
            .orElseThrow(() -> new UserFacingException("api-token.error.unknown-user", username));
    if (!user.enabled()) {
      throw new UserFacingException("api-token.error.user-disabled", user.username());
    }
    String secret = TokenSecrets.newSecret();
    long id =
        tokens.insert(
            user.id(),
            name.trim(),
            TokenSecrets.hash(secret),
            TokenSecrets.label(secret),
            currentUser.require().getUsername(),
            OffsetDateTime.now(clock));
    ApiToken issued = tokens.findById(id).orElseThrow();
    audit.record(
        AuditAction.CREATE,
        ENTITY,
        id,
        messages.get("api-token.summary.issued", issued.username(), issued.name(), issued.label()),
        Optional.empty(),
        Optional.of(issued));
    return new IssuedToken(secret, issued);
  }

  /** Revokes a token: from the next request on it is refused. Revoking twice changes nothing. */
  @Transactional
  public ApiToken revoke(long id) {
    ApiToken before =
        tokens.findById(id).orElseThrow(() -> new UserFacingException("error.not-found"));
    if (before.revoked()) {
      return before;
    }
    tokens.revoke(id, currentUser.require().getUsername(), OffsetDateTime.now(clock));
    ApiToken after = tokens.findById(id).orElseThrow();
    audit.record(
        AuditAction.UPDATE,
        ENTITY,
        id,
        messages.get("api-token.summary.revoked", after.username(), after.name(), after.label()),
        Optional.of(Map.of("revoked", false)),
        Optional.of(Map.of("revoked", true)));
    return after;
  }
}
