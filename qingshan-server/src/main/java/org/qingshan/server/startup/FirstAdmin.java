package org.qingshan.server.startup;

import java.io.PrintStream;
import java.util.EnumSet;
import org.qingshan.server.security.Role;
import org.qingshan.server.user.PasswordPolicy;
import org.qingshan.server.user.UserForm;
import org.qingshan.server.user.UserService;
import org.qingshan.server.web.Messages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On an empty database, creates the admin and prints its password once: there is no default
 * password to leak, and the admin must choose a new one at first login.
 */
@Component
@Order(20)
class FirstAdmin implements ApplicationRunner {
  static final String USERNAME = "admin";
  private final UserService users;
  private final Messages messages;
  private final PrintStream console;

  @Autowired
  FirstAdmin(UserService users, Messages messages) {
    this(users, messages, System.out);
  }

  FirstAdmin(UserService users, Messages messages, PrintStream console) {
    this.users = users;
    this.messages = messages;
    this.console = console;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!users.noUsers()) {
      return;
    }
    String password = PasswordPolicy.generate();
    users.create(
        new UserForm(
            USERNAME,
            messages.get("user.first-admin.name"),
            null,
            "",
            EnumSet.of(Role.ADMIN),
            true,
            password),
        true);
    console.println();
    console.println(messages.get("startup.first-admin", USERNAME, password));
    console.println();
  }
}
