package org.qvd.system.api;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles a generated client (SOAP or REST) as generated, against this test's class path. */
final class GeneratedSources {

    private GeneratedSources() {}

    /**
     * javac over every {@code .java} under {@code sources} into {@code classes} (with parameter names, so tests may
     * call generated methods by them); {@code from} names the input.
     */
    static void compile(Path sources, Path classes, String from) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        // failsafe puts the real class path in a manifest-only jar and names it in this property
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        try (StandardJavaFileManager fm =
                javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(
                            null,
                            fm,
                            diagnostics,
                            List.of(
                                    "-d",
                                    classes.toString(),
                                    "-classpath",
                                    classPath,
                                    "-proc:none",
                                    "--release",
                                    "17",
                                    "-nowarn",
                                    "-parameters"),
                            null,
                            fm.getJavaFileObjectsFromPaths(files))
                    .call();
            if (!ok) {
                throw new AssertionError(
                        "the client generated from " + from + " does not compile: " + diagnostics.getDiagnostics());
            }
        }
    }
}
