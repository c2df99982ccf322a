package dev.sluice.core.retry;

/** Whether a failure hit one item of a bulk response or the whole request. */
public enum Scope {
  ITEM,
  REQUEST
}
