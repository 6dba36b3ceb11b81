/** 黑臭水体 grading per 城市黑臭水体整治工作指南 (2015). */
package org.qingshan.standards.blackodorous;
