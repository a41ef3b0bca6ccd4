package org.qvd.wat.property.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.qvd.vmas.property.boundary.PropertyDto;
import org.qvd.vmas.property.boundary.PropertyService;
import org.qvd.vmas.property.entity.PropertyOwner;
import org.qvd.wat.platform.Feedback;
import org.qvd.wat.platform.KeyValueList;

/** The properties of one object (type + id): list, set (create or replace), delete. */
@Named
@ViewScoped
public class PropertyList extends KeyValueList<PropertyDto> {

    private static final long serialVersionUID = 1L;

    @Inject
    PropertyService properties;

    private String objectType = "vm";
    private Long objectId;

    public List<String> getObjectTypes() {
        return Arrays.stream(PropertyOwner.values())
                .map(o -> o.name().toLowerCase(Locale.ROOT))
                .toList();
    }

    public void show() {
        reload(() -> objectId == null ? List.of() : properties.list(owner(), objectId));
    }

    public void set() {
        Feedback.run("property.set", () -> properties.set(owner(), objectId, getKey(), valueToSet()), getKey());
        fillDialog(null, null);
        show();
    }

    public void edit(PropertyDto p) {
        fillDialog(p.key(), p.value());
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
}
