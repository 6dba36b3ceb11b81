package org.qingshan.server.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Every page is HTML. Left alone, Thymeleaf takes a page's content type from the request's file
 * extension, so the error page of {@code /devices/1/raw.txt} went out as {@code text/plain}.
 */
@Component
class HtmlViews implements BeanPostProcessor {
  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof ThymeleafViewResolver resolver) {
      resolver.setForceContentType(true);
    }
    return bean;
  }
}
