package io.leakscan.scenario;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A redeploy leak: every "deployment" defines its plugin class in a fresh class loader, and an
 * instance of each is kept in a list that outlives the deployment, so the loaders pile up.
 */
public final class ClassLoaderScenario extends GrowthScenario {
    /** The class each deployment defines anew. */
    public static final class Plugin {
        final byte[] state = new byte[4096];
    }

    /** One deployment's loader. */
    static final class DeploymentLoader extends ClassLoader {
        DeploymentLoader() {
            super(ClassLoaderScenario.class.getClassLoader());
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    static final List<Object> ACTIVE_PLUGINS = new ArrayList<>();
    private byte[] pluginBytes;

    @Override
    protected void setUp() throws Exception {
        try (InputStream in = ClassLoaderScenario.class.getResourceAsStream("ClassLoaderScenario$Plugin.class")) {
            pluginBytes = in.readAllBytes();
        }
        deploy(2);
    }

    @Override
    protected void grow(int round) throws Exception {
        deploy(40);
    }

    private void deploy(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            Class<?> c = new DeploymentLoader().define(Plugin.class.getName(), pluginBytes);
            ACTIVE_PLUGINS.add(c.getDeclaredConstructor().newInstance());
        }
    }

    public static void main(String[] args) throws Exception {
        run(new ClassLoaderScenario(), args);
    }
}
