-- Directory group -> OSF of the VM that auto-provisioning gives a member (first matching group by name wins).
CREATE TABLE directory_group_osf (
    directory_id BIGINT       NOT NULL REFERENCES directory (id) ON DELETE CASCADE,
    group_name   VARCHAR(256) NOT NULL,
    osf_id       BIGINT       NOT NULL REFERENCES osf (id),
    PRIMARY KEY (directory_id, group_name)
);
