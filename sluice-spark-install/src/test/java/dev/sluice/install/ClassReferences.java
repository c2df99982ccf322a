package dev.sluice.install;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a class file refers to, read from its constant pool: class entries, and every {@code
 * Lname;} in descriptors and generic signatures. Internal names, e.g. {@code java/lang/String}.
 */
final class ClassReferences {
  private static final int MAGIC = 0xCAFEBABE;
  private static final Pattern IN_DESCRIPTOR = Pattern.compile("L([\\w$]+(?:/[\\w$]+)+)[;<]");

  private ClassReferences() {}

  static Set<String> of(byte[] classFile) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
    if (in.readInt() != MAGIC) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort(); // minor version
    in.readUnsignedShort(); // major version
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    List<Integer> classNames = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7 -> classNames.add(in.readUnsignedShort());
        case 8, 16, 19, 20 -> in.skipBytes(2);
        case 15 -> in.skipBytes(3);
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
        case 5, 6 -> {
          in.skipBytes(8);
          i++; // a long or double takes two slots
        }
        default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
      }
    }
    Set<String> references = new LinkedHashSet<>();
    for (int index : classNames) {
      String name = utf8[index];
      if (name.startsWith("[")) {
        addDescriptorNames(name, references);
      } else {
        references.add(name);
      }
    }
    for (String text : utf8) {
      if (text != null && (text.startsWith("(") || text.startsWith("L") || text.startsWith("<"))) {
        addDescriptorNames(text, references);
      }
    }
    return references;
  }

  private static void addDescriptorNames(String descriptor, Set<String> references) {
    Matcher matcher = IN_DESCRIPTOR.matcher(descriptor);
    while (matcher.find()) {
      references.add(matcher.group(1));
    }
  }
}
