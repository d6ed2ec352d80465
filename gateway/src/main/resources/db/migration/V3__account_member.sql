-- A Council member's account names the member it is (awards-service's Council member id): the
-- gateway puts it in the account's access tokens as claim 'member'; required exactly when the account
-- has role council-member (checked by the gateway, as the unit of unit representatives).
ALTER TABLE account ADD COLUMN member_id VARCHAR(40) CHECK (member_id ~ '^[0-9A-Za-z-]{1,40}$');
