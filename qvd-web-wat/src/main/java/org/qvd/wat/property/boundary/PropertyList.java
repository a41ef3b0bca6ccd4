package org.qvd.wat.property.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.qvd.vmas.property.boundary.PropertyDto;
import org.qvd.vmas.property.boundary.PropertyService;
import org.qvd.vmas.property.entity.PropertyOwner;
import org.qvd.wat.platform.Feedback;

/** The properties of one object (type + id): list, set (create or replace), delete. */
@Named
@ViewScoped
public class PropertyList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PropertyService properties;

    private String objectType = "vm";
    private Long objectId;
    private List<PropertyDto> rows = List.of();
    private String key;
    private String value;

    public List<String> getObjectTypes() {
        return Arrays.stream(PropertyOwner.values())
                .map(o -> o.name().toLowerCase(Locale.ROOT))
                .toList();
    }

    public void show() {
        if (objectId == null) {
            rows = List.of();
            return;
        }
        try {
            rows = properties.list(owner(), objectId);
        } catch (RuntimeException e) {
            rows = List.of();
            Feedback.error(e);
        }
    }

    public void set() {
        Feedback.run("property.set", () -> properties.set(owner(), objectId, key, value == null ? "" : value), key);
        key = null;
        value = null;
        show();
    }

    public void edit(PropertyDto p) {
        key = p.key();
        value = p.value();
    }

    public void delete(PropertyDto p) {
        Feedback.run("property.deleted", () -> properties.delete(owner(), objectId, p.key()), p.key());
        show();
    }

    private PropertyOwner owner() {
        return PropertyOwner.valueOf(objectType.toUpperCase(Locale.ROOT));
    }

    public String getObjectType() {
        return objectType;
    }

    public void setObjectType(String objectType) {
        this.objectType = objectType;
    }

    public Long getObjectId() {
        return objectId;
    }

    public void setObjectId(Long objectId) {
        this.objectId = objectId;
    }

    public List<PropertyDto> getRows() {
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
