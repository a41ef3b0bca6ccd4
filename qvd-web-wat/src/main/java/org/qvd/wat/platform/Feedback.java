package org.qvd.wat.platform;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.primefaces.PrimeFaces;
import org.qvd.vmas.platform.error.QvdException;

/**
 * Turns the outcome of every action into a visible message: a translated success text, or the
 * service's error code (translated when the bundle knows it, else the service's own text). An
 * unexpected failure shows only an error id; its details go to the server log.
 */
public final class Feedback {

    private static final Logger LOG = Logger.getLogger(Feedback.class.getName());
    static final String BUNDLE = "org.qvd.wat.platform.messages";

    private Feedback() {}

    /** Something a service can throw. */
    @FunctionalInterface
    public interface Action {
        void run();
    }

    /** Runs the action; shows {@code okKey} (with args) on success or the error; returns whether it worked. */
    public static boolean run(String okKey, Action action, Object... args) {
        try {
            action.run();
            info(okKey, args);
            return true;
        } catch (RuntimeException e) {
            error(e);
            return false;
        }
    }

    public static void info(String key, Object... args) {
        add(FacesMessage.SEVERITY_INFO, text(key, args), null);
    }

    public static void warn(String key, Object... args) {
        add(FacesMessage.SEVERITY_WARN, text(key, args), null);
    }

    public static void error(RuntimeException e) {
        add(FacesMessage.SEVERITY_ERROR, text("error.title"), describe(e));
        // dialogs stay open when their action failed (oncomplete checks args.failed)
        if (PrimeFaces.current().isAjaxRequest()) {
            PrimeFaces.current().ajax().addCallbackParam("failed", true);
        }
    }

    /** The text shown for a failure; never a stack trace. */
    public static String describe(RuntimeException e) {
        Throwable t = e;
        while (t instanceof EJBException && !(t instanceof EJBAccessException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof QvdException q) {
            String known = lookup("error." + q.code());
            return (known != null ? known : q.getMessage()) + " [" + q.code() + "]";
        }
        if (t instanceof EJBAccessException || t instanceof SecurityException) {
            return text("error.forbidden");
        }
        String id = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "unexpected WAT error " + id, e);
        return text("error.unexpected", id);
    }

    public static String text(String key, Object... args) {
        String pattern = lookup(key);
        if (pattern == null) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale()).format(args);
    }

    private static String lookup(String key) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale(), Feedback.class.getClassLoader())
                    .getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    private static Locale locale() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        return ctx != null && ctx.getViewRoot() != null ? ctx.getViewRoot().getLocale() : Locale.ENGLISH;
    }

    private static void add(FacesMessage.Severity severity, String summary, String detail) {
        FacesContext ctx = FacesContext.getCurrentInstance();
        ctx.addMessage(null, new FacesMessage(severity, summary, detail == null ? "" : detail));
        ctx.getExternalContext().getFlash().setKeepMessages(true);
    }
}
