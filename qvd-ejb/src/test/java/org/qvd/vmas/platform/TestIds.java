package org.qvd.vmas.platform;

import java.lang.reflect.Field;

/** Gives an entity the id the database would (for unit tests without a database). */
public final class TestIds {

    private TestIds() {}

    public static <T> T set(T entity, Long id) {
        try {
            Field f = entity.getClass().getDeclaredField("id");
            f.setAccessible(true);
            f.set(entity, id);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
