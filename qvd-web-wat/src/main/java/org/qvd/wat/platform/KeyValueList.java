package org.qvd.wat.platform;

import java.io.Serializable;
import java.util.List;
import java.util.function.Supplier;

/**
 * A screen of key/value rows an administrator sets one at a time (configuration keys, an object's properties): the
 * rows as last read, and the dialog's key and value. The subclass reads and writes them through its own service.
 */
public abstract class KeyValueList<R> implements Serializable {

    private static final long serialVersionUID = 1L;

    private List<R> rows = List.of();
    private String key;
    private String value;

    /** Reads the rows again; when that fails the list is empty and the error is shown. */
    protected void reload(Supplier<List<R>> read) {
        try {
            rows = read.get();
        } catch (RuntimeException e) {
            rows = List.of();
            Feedback.error(e);
        }
    }

    /** Opens the dialog on a row's key and value (both null for a new one). */
    protected void fillDialog(String key, String value) {
        this.key = key;
        this.value = value;
    }

    /** The dialog's value as the services take it: an empty field sets the empty text, never null. */
    protected String valueToSet() {
        return value == null ? "" : value;
    }

    public List<R> getRows() {
        return rows;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
