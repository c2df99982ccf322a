package dev.sluice.cli;

import org.jline.terminal.Terminal;
import org.jline.utils.Status;

/** JLine's status line, saying whether this terminal can show one (JLine keeps that protected). */
final class StatusLine extends Status {
  StatusLine(Terminal terminal) {
    super(terminal);
  }

  boolean shown() {
    return supported;
  }
}
