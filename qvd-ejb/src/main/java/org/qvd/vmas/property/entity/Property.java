package org.qvd.vmas.property.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One key/value on one object. */
@Entity
@Table(name = "property")
@NamedQuery(
        name = Property.OF_OBJECT,
        query = "SELECT p FROM Property p WHERE p.objectType = :type " + "AND p.objectId = :objectId ORDER BY p.key")
@NamedQuery(
        name = Property.DELETE_OF_OBJECT,
        query = "DELETE FROM Property p WHERE p.objectType = :type AND p.objectId = :objectId")
public class Property {

    public static final String OF_OBJECT = "Property.ofObject";
    public static final String DELETE_OF_OBJECT = "Property.deleteOfObject";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "object_type", nullable = false, length = 8)
    private PropertyOwner objectType;

    @Column(name = "object_id", nullable = false)
    private long objectId;

    @Column(name = "key", nullable = false, length = 128)
    private String key;

    @Column(name = "value", nullable = false, length = 4096)
    private String value;

    protected Property() {}

    public Property(PropertyOwner objectType, long objectId, String key, String value) {
        this.objectType = objectType;
        this.objectId = objectId;
        this.key = key;
        this.value = value;
    }

    public void change(String newValue) {
        this.value = newValue;
    }

    public Long getId() {
        return id;
    }

    public PropertyOwner getObjectType() {
        return objectType;
    }

    public long getObjectId() {
        return objectId;
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }
}
