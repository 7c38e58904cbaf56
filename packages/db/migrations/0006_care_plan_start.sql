-- The date the midwife asks the household to start the massage protocol ("mulai tanggal ..."). NULL: from the
-- delivery, as the protocol is written (every plan assigned before this column existed). The API refuses a date
-- before the delivery's local date or more than 42 days after it; the database only keeps the date.
ALTER TABLE care_plan ADD COLUMN starts_on date;

-- One NIK is one person: a facility never enrols the same NIK twice (the API offers to open the existing record;
-- this index keeps two enrolments sent at the same moment from both getting in).
CREATE UNIQUE INDEX mother_nik ON mother (facility_id, nik) WHERE nik IS NOT NULL AND voided_at IS NULL;
-- Duplicate check by name and date of birth reads the facility's mothers born on that date.
CREATE INDEX mother_birth_date ON mother (facility_id, date_of_birth) WHERE date_of_birth IS NOT NULL;
