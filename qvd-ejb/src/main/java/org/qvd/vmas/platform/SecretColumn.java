package org.qvd.vmas.platform;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A column holding a secret the VMAS reads back: encrypted in the database, clear in the entity ({@link SecretBox}). */
@Converter
public class SecretColumn implements AttributeConverter<String, String> {

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return SecretBox.seal(attribute);
    }

    @Override
    public String convertToEntityAttribute(String column) {
        return SecretBox.open(column);
    }
}
