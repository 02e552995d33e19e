package io.leakscan.junit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs a {@link LeakTest} method as a leak check: the method body is the scenario, invoked once per warm-up
 * and iteration (the same instance and arguments each time), then the check's verdict is the test's.
 * Stateless; JUnit may share it.
 */
public final class LeakTestExtension implements InvocationInterceptor {
    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        LeakTest annotation = AnnotationSupport.findAnnotation(call.getExecutable(), LeakTest.class)
                .orElseThrow(() -> new IllegalStateException("LeakTestExtension on a method without @LeakTest"));
        Method method = call.getExecutable();
        method.setAccessible(true); // package-private test methods, as JUnit allows
        Object target = call.getTarget().orElse(null);
        Object[] args = call.getArguments().toArray();
        String name = LeakAssertions.simple(method.getDeclaringClass().getName()) + "." + method.getName();
        // JUnit allows one proceed() per invocation; the body runs several times, so it is called here and
        // the invocation itself is skipped (its result is the check's).
        invocation.skip();
        new LeakCheck(name, LeakOptions.of(annotation)).run(() -> {
            try {
                method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
