-- One counter that every change to who holds which ACL moves: the ACL catalogue, roles, their grants and denials,
-- their inheritance and administrators' roles. Each node keeps an administrator's effective ACLs in memory and reads
-- this counter with the administrator on every call (CallerResolver): a change made on any node, or in SQL by hand,
-- reloads them at the next call everywhere. Statement-level triggers: one bump per statement, whatever its rows.
CREATE TABLE acl_generation (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    generation BIGINT  NOT NULL
);
INSERT INTO acl_generation (id, generation) VALUES (1, 0);

CREATE FUNCTION bump_acl_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE acl_generation SET generation = generation + 1 WHERE id = 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER acl_generation_acl AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON acl
    FOR EACH STATEMENT EXECUTE PROCEDURE bump_acl_generation();
CREATE TRIGGER acl_generation_role AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role
    FOR EACH STATEMENT EXECUTE PROCEDURE bump_acl_generation();
CREATE TRIGGER acl_generation_role_acl AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_acl
    FOR EACH STATEMENT EXECUTE PROCEDURE bump_acl_generation();
CREATE TRIGGER acl_generation_role_inheritance AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_inheritance
    FOR EACH STATEMENT EXECUTE PROCEDURE bump_acl_generation();
CREATE TRIGGER acl_generation_administrator_role AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON administrator_role
    FOR EACH STATEMENT EXECUTE PROCEDURE bump_acl_generation();
