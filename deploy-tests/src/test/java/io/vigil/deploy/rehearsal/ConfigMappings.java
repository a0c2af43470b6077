package io.vigil.deploy.rehearsal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The property names a service's own jars declare, read by loading their classes from the image's jars in an isolated
 * class loader: the {@code @ConfigMapping} interfaces, walked the way SmallRye Config names them (kebab case,
 * {@code @WithName}, {@code @WithParentName}, nested groups, {@code Optional}, maps with the key as wildcard, lists of
 * groups with the index as wildcard), and every {@code @ConfigProperty(name = ...)} field or parameter.
 */
final class ConfigMappings {

    private static final String MAPPING = "io.smallrye.config.ConfigMapping";
    private static final String PROPERTY = "org.eclipse.microprofile.config.inject.ConfigProperty";

    private ConfigMappings() {
    }

    static Set<String> propertyNames(List<Path> ownJars, List<Path> libJars) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (Path jar : ownJars) {
            urls.add(jar.toUri().toURL());
        }
        for (Path jar : libJars) {
            urls.add(jar.toUri().toURL());
        }
        Set<String> names = new HashSet<>();
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            for (Path jar : ownJars) {
                for (String className : mappingCandidates(jar)) {
                    Class<?> type;
                    try {
                        type = Class.forName(className, false, loader);
                    } catch (ClassNotFoundException | LinkageError e) {
                        continue;
                    }
                    try {
                        String prefix = prefix(type);
                        if (prefix != null) {
                            walk(type, prefix, names, new HashSet<>());
                        }
                        injectedProperties(type, names);
                    } catch (LinkageError | TypeNotPresentException e) {
                        // a class the image cannot load is not configuration the service reads
                    }
                }
            }
        }
        return names;
    }

    /** The names of {@code @ConfigProperty} fields and constructor or method parameters. */
    private static void injectedProperties(Class<?> type, Set<String> names) {
        for (java.lang.reflect.Field f : type.getDeclaredFields()) {
            addProperty(f.getAnnotations(), names);
        }
        List<java.lang.reflect.Executable> executables = new ArrayList<>(List.of(type.getDeclaredConstructors()));
        executables.addAll(List.of(type.getDeclaredMethods()));
        for (java.lang.reflect.Executable e : executables) {
            for (Annotation[] annotations : e.getParameterAnnotations()) {
                addProperty(annotations, names);
            }
        }
    }

    private static void addProperty(Annotation[] annotations, Set<String> names) {
        Object name = annotationValue(annotations, PROPERTY, "name");
        if (name != null && !((String) name).isEmpty()) {
            names.add((String) name);
        }
    }

    /** Classes whose bytes name the ConfigMapping or ConfigProperty annotation (cheap filter before loading). */
    private static List<String> mappingCandidates(Path jar) throws IOException {
        List<String> classes = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (!entry.getName().endsWith(".class")) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    String bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                    if (bytes.contains("Lio/smallrye/config/ConfigMapping;")
                            || bytes.contains("Lorg/eclipse/microprofile/config/inject/ConfigProperty;")) {
                        classes.add(entry.getName().replace('/', '.').replaceAll("\\.class$", ""));
                    }
                }
            }
        }
        return classes;
    }

    private static String prefix(Class<?> type) {
        Object value = annotationValue(type.getAnnotations(), MAPPING, "prefix");
        return value == null ? null : (String) value;
    }

    private static void walk(Class<?> group, String prefix, Set<String> names, Set<Class<?>> seen) {
        if (!seen.add(group)) {
            return;
        }
        for (Method m : group.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.isDefault() || m.getParameterCount() > 0
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String path;
            if (annotation(m.getAnnotations(), "io.smallrye.config.WithParentName") != null) {
                path = prefix;
            } else {
                Object name = annotationValue(m.getAnnotations(), "io.smallrye.config.WithName", "value");
                path = join(prefix, name != null ? (String) name : kebab(m.getName()));
            }
            Type type;
            try {
                type = m.getGenericReturnType();
            } catch (TypeNotPresentException | LinkageError e) {
                names.add(path);
                continue;
            }
            property(type, path, names, new HashSet<>(seen));
        }
    }

    private static void property(Type type, String path, Set<String> names, Set<Class<?>> seen) {
        Class<?> raw = raw(type);
        Type[] args = type instanceof ParameterizedType p ? p.getActualTypeArguments() : new Type[0];
        if (raw == Optional.class && args.length == 1) {
            property(args[0], path, names, seen);
        } else if (Map.class.isAssignableFrom(raw) && args.length == 2) {
            property(args[1], join(path, "*"), names, seen);
        } else if (Collection.class.isAssignableFrom(raw) && args.length == 1 && isGroup(raw(args[0]))) {
            property(args[0], path + "[*]", names, seen);
        } else if (isGroup(raw)) {
            walk(raw, path, names, seen);
        } else {
            names.add(path);
        }
    }

    private static boolean isGroup(Class<?> type) {
        return type.isInterface() && !type.getName().startsWith("java.");
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static String join(String prefix, String name) {
        return name.isEmpty() ? prefix : prefix.isEmpty() ? name : prefix + "." + name;
    }

    /** SmallRye's default naming: {@code caDir} becomes {@code ca-dir}. */
    static String kebab(String method) {
        StringBuilder name = new StringBuilder();
        for (char c : method.toCharArray()) {
            if (Character.isUpperCase(c)) {
                if (!name.isEmpty()) {
                    name.append('-');
                }
                name.append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    private static Annotation annotation(Annotation[] annotations, String type) {
        for (Annotation a : annotations) {
            if (a.annotationType().getName().equals(type)) {
                return a;
            }
        }
        return null;
    }

    private static Object annotationValue(Annotation[] annotations, String type, String member) {
        Annotation a = annotation(annotations, type);
        if (a == null) {
            return null;
        }
        try {
            return a.annotationType().getMethod(member).invoke(a);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + type + "." + member, e);
        }
    }
}
