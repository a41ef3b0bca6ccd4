package org.qvd.vmas.platform.guard;

import jakarta.persistence.EntityManager;
import java.util.function.ToLongFunction;
import org.qvd.vmas.platform.error.ErrorCode;
import org.qvd.vmas.platform.error.NotFoundException;

/** Loads an object only if the current caller's tenant may see it; otherwise it "does not exist". */
public final class Scoped {

    private Scoped() {}

    public static <E> E find(EntityManager em, Class<E> type, Long id, ToLongFunction<E> tenantOf, ErrorCode notFound) {
        E entity = id == null ? null : em.find(type, id);
        if (entity == null || !CurrentCaller.get().sees(tenantOf.applyAsLong(entity))) {
            throw new NotFoundException(notFound, id);
        }
        return entity;
    }
}
