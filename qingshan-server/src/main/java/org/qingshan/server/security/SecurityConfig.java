package org.qingshan.server.security;

import java.util.LinkedHashMap;
import org.qingshan.server.web.Messages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.session.SessionManagementFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may open what: the pages every visitor needs, then each feature's {@link AccessRules}, then
 * any page to a logged-in user. Records inside a page are filtered by {@link DataScope}.
 */
@Configuration
class SecurityConfig {

  @Bean
  PasswordEncoder passwordEncoder() {
    // bcrypt today, with the algorithm recorded in each hash so it can change later.
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  SessionRegistry sessionRegistry() {
    return new SessionRegistryImpl();
  }

  /** Lets the session registry see sessions end (logout, timeout). */
  @Bean
  HttpSessionEventPublisher httpSessionEventPublisher() {
    return new HttpSessionEventPublisher();
  }

  @Bean
  SecurityFilterChain web(
      HttpSecurity http,
      LoginThrottle throttle,
      ApplicationEventPublisher events,
      SessionRegistry sessionRegistry,
      UploadSettings uploadSettings,
      ObjectProvider<AccessRules> features,
      ObjectProvider<UploadEndpoint> uploads,
      ObjectProvider<BearerAuthenticator> bearers,
      ObjectProvider<PublicPaths> publicPaths,
      Messages messages)
      throws Exception {
    String[] open =
        publicPaths.orderedStream().flatMap(p -> p.patterns().stream()).toArray(String[]::new);
    http.authorizeHttpRequests(
            auth -> {
              if (open.length > 0) {
                auth.requestMatchers(open).permitAll();
              }
              auth.requestMatchers(
                      "/login",
                      "/static/**",
                      "/webjars/**",
                      "/favicon.ico",
                      "/error",
                      "/actuator/health",
                      "/actuator/health/**",
                      "/actuator/info")
                  .permitAll()
                  .requestMatchers("/actuator/**")
                  .hasRole(Role.ADMIN.name());
              features.orderedStream().forEach(rules -> rules.authorize(auth));
              auth.anyRequest().authenticated();
            })
        .formLogin(
            form ->
                form.loginPage("/login")
                    .defaultSuccessUrl("/", false)
                    .failureHandler(new LoginFailureHandler(throttle))
                    .permitAll())
        .csrf(
            csrf ->
                csrf.csrfTokenRequestHandler(new GarbledCsrfTokens())
                    .ignoringRequestMatchers(BearerTokenFilter::carriesBearer)
                    .ignoringRequestMatchers(open))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint(messages)))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .sessionManagement(
            session ->
                session
                    .maximumSessions(-1)
                    .sessionRegistry(sessionRegistry)
                    .expiredUrl("/login?expired"))
        .addFilterBefore(
            new LoginThrottleFilter(throttle, events), UsernamePasswordAuthenticationFilter.class)
        .addFilterBefore(new PasswordChangeRequiredFilter(), AuthorizationFilter.class)
        // After session management, which would otherwise register (and so create) a session for
        // a user it sees authenticated in this request; CSRF already spared bearer requests.
        .addFilterAfter(
            new BearerTokenFilter(bearers, events, messages), SessionManagementFilter.class)
        // Before the CSRF check, whose reading of the token makes the container read the body.
        .addFilterBefore(
            UploadGate.of(uploads.orderedStream().toList(), uploadSettings), CsrfFilter.class)
        .headers(
            headers ->
                headers
                    .frameOptions(f -> f.sameOrigin())
                    // Other sites (a tile server, a linked ministry page) learn our origin only,
                    // never a path or search, which can name enterprises and people; the origin
                    // stays, as 天地图's browser keys are bound to the site's domain.
                    .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                    .contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data: https: http:;"
                                    + " style-src 'self' 'unsafe-inline'; script-src 'self'")));
    return http.build();
  }

  /** The login page for people; 401 in JSON for programs calling the JSON API. */
  private static AuthenticationEntryPoint entryPoint(Messages messages) {
    LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> byRequest = new LinkedHashMap<>();
    byRequest.put(BearerTokenFilter::isApi, BearerTokenFilter.unauthorizedEntryPoint(messages));
    DelegatingAuthenticationEntryPoint entryPoint =
        new DelegatingAuthenticationEntryPoint(byRequest);
    entryPoint.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"));
    return entryPoint;
  }
}
