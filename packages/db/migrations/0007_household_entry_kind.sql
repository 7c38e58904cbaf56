-- The caseload and the reports read a few kinds of household entry (massage sessions, weights, daily checklists,
-- expressed milk) for many mothers at once. Without the kind in an index they read every feed and nappy of those
-- mothers too (about 200 entries per mother over 14 days) and throw most away: at 2,000 mothers in a facility that
-- is 400,000 rows per caseload page. Feeds and nappies, four fifths of all entries, stay out of this index.
CREATE INDEX household_entry_mother_kind ON household_entry (facility_id, mother_id, kind, occurred_at)
  WHERE kind IN ('massage_session', 'weight', 'adequacy_check', 'expression');
