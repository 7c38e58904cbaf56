-- The midwife's caseload and alert tasks read "the current view" of household entries (those no correction or
-- void supersedes) for a whole facility at once; this index makes the "is it superseded?" test a lookup.
CREATE INDEX household_entry_supersedes ON household_entry (facility_id, supersedes) WHERE supersedes IS NOT NULL;
-- The newest entry that arrived from a mother's household (her "last sync") per mother.
CREATE INDEX household_entry_received ON household_entry (facility_id, mother_id, received_at);
