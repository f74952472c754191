import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.lang.constant.ClassDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies a jar with its pre-Java-6 class files (major version below 50: picocli's) rewritten as Java 8 class files
 * with stack maps, the same code otherwise. The JDK's AOT cache leaves such old classes out (they need the old
 * verifier), so without this every run loads and verifies picocli's ~170 classes from the jar. Run by the launcher,
 * in source-file mode on JDK 24 and newer (java.lang.classfile), when it builds the AOT cache:
 * {@code java bin/UpgradeClassFiles.java IN.jar OUT.jar}. A class that cannot be rewritten is copied as it was.
 */
public final class UpgradeClassFiles {
    private static final int JAVA_8 = 52;
    /** A new version, and every method body rebuilt (which writes its stack map). */
    private static final ClassTransform UPGRADE = ClassTransform.dropping(e -> e instanceof ClassFileVersion)
            .andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL))
            .andThen(ClassTransform.endHandler(cb -> cb.withVersion(JAVA_8, 0)));

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args[0]), out = Path.of(args[1]);
        try (ZipFile zip = new ZipFile(in.toFile())) {
            Map<String, byte[]> classes = new HashMap<>();
            zip.stream().filter(e -> e.getName().endsWith(".class")).forEach(e -> {
                try (InputStream s = zip.getInputStream(e)) {
                    classes.put(e.getName(), s.readAllBytes());
                } catch (IOException x) {
                    throw new java.io.UncheckedIOException(x);
                }
            });
            // stack maps need the class hierarchy: the jar's classes, then the JDK's
            ClassHierarchyResolver fromJar = ClassHierarchyResolver.ofResourceParsing(desc -> {
                byte[] b = classes.get(internalName(desc) + ".class");
                return b == null ? null : new ByteArrayInputStream(b);
            });
            ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(fromJar.orElse(ClassHierarchyResolver.defaultResolver())));
            int upgraded = 0;
            try (OutputStream os = Files.newOutputStream(out); ZipOutputStream z = new ZipOutputStream(os)) {
                var entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    byte[] bytes;
                    try (InputStream s = zip.getInputStream(e)) {
                        bytes = s.readAllBytes();
                    }
                    if (e.getName().endsWith(".class") && bytes.length > 8 && ((bytes[6] & 0xff) << 8 | (bytes[7] & 0xff)) < 50) {
                        try {
                            ClassModel m = cf.parse(bytes);
                            bytes = cf.transformClass(m, UPGRADE);
                            upgraded++;
                        } catch (RuntimeException x) {
                            System.err.println("kept " + e.getName() + ": " + x);
                        }
                    }
                    ZipEntry o = new ZipEntry(e.getName());
                    o.setTime(e.getTime());
                    z.putNextEntry(o);
                    z.write(bytes);
                    z.closeEntry();
                }
            }
            System.err.println("upgraded " + upgraded + " class files");
        }
    }

    private static String internalName(ClassDesc d) {
        String s = d.descriptorString();
        return s.substring(1, s.length() - 1);
    }
}
