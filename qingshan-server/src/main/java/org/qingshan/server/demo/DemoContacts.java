package org.qingshan.server.demo;

import java.util.Map;
import org.qingshan.server.contact.ContactForm;
import org.qingshan.server.contact.ContactService;
import org.springframework.stereotype.Component;

/** One liaison per demo department, so the directory and its data scope have something to show. */
@Component
class DemoContacts {
  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
  private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "军", "杰"};
  private final ContactService contacts;

  DemoContacts(ContactService contacts) {
    this.contacts = contacts;
  }

  void seed(Map<String, Long> departmentIds) {
    int i = 0;
    for (Map.Entry<String, Long> e : departmentIds.entrySet()) {
      String name = SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7 + 3) % GIVEN.length];
      String phone = String.format("1380635%04d", 1000 + i * 37);
      contacts.create(new ContactForm(e.getValue(), name, "联络员", phone, "环保工作联络"));
      i++;
    }
  }
}
