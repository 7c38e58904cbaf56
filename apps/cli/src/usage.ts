/** Help texts, one per command; `lancar <command> --help` prints the command's own. */
export const GENERAL_HELP = `lancar: run and administer Lancar, software for the pijat oksitosin programme.

Usage: lancar <command> [options]

Commands:
  serve             Run the server (what "npm start" runs)
  migrate           Apply database migrations
  demo              Load the demo dataset into an empty database, or reset it
  facility create   Register a facility (puskesmas, hospital, clinic)
  facility list     List facilities
  user create       Create an account and print its activation code
  backup FILE       Write every record to a backup file (NDJSON)
  restore FILE      Load a backup file into an empty database

Every command takes --help. The database is the embedded one in ./data (or LANCAR_DATA_DIR, or --data-dir),
or the PostgreSQL server in DATABASE_URL (or --database-url). With the embedded database, stop the server
before running migrate, demo, facility, user, backup or restore: only one process may open it.

Options:
  --help, -h        Show help
  --version, -v     Show the version
`;

const DATABASE_OPTIONS = `  --data-dir DIR         Embedded database directory (default: LANCAR_DATA_DIR or ./data)
  --database-url URL     PostgreSQL connection string (default: DATABASE_URL)`;

export const COMMAND_HELP: Record<string, string> = {
  serve: `Usage: lancar serve [options]

Runs the Lancar server. On an empty database it loads the demo dataset unless --no-demo is given
(or LANCAR_DEMO=off). Stop it with Ctrl+C: it closes the database cleanly.

Options:
  --port N               Port to listen on (default: PORT or 3000)
  --host ADDRESS         Address to listen on (default: HOST or 127.0.0.1; 0.0.0.0 for the local network)
  --no-demo              Never load the demo dataset
${DATABASE_OPTIONS}
`,
  migrate: `Usage: lancar migrate [options]

Applies the numbered SQL migrations that the database does not have yet. Safe to run again.

Options:
${DATABASE_OPTIONS}
`,
  demo: `Usage: lancar demo [--reset] [options]

Loads the demo dataset (two fictional facilities with staff, mothers and companions) into an empty database.
With --reset, empties a database that holds only demo data and loads the demo again; a database with real
facilities is never emptied.

Options:
  --reset                Start the demo again from the beginning
${DATABASE_OPTIONS}
`,
  facility: `Usage: lancar facility create --name NAME --kind KIND --district DISTRICT --province PROVINCE [--phone PHONE]
       lancar facility list

Registers a facility, or lists them. KIND is puskesmas, hospital, clinic or other. PHONE is the number
households call (it appears on danger-sign screens).

Options:
${DATABASE_OPTIONS}
`,
  user: `Usage: lancar user create --facility ID --role ROLE --name NAME (--username NAME | --phone PHONE) [--password-stdin]

Creates an account and prints an activation code with which the person sets their own password
(open /aktivasi in the app). With --password-stdin the password is read from standard input instead
and the account is active at once. ROLE is one of: system_admin, facility_admin, midwife, cadre,
researcher, mother, companion. Use "lancar facility list" to find the facility ID.

Options:
${DATABASE_OPTIONS}
`,
  backup: `Usage: lancar backup FILE [options]

Writes every record (facilities, accounts, mothers, babies, companions, audit log) to FILE as NDJSON in a
versioned format that does not depend on the database: a backup from the embedded database restores into
PostgreSQL and back. The file holds health data: keep it as safe as the database. FILE must not exist.

Options:
${DATABASE_OPTIONS}
`,
  restore: `Usage: lancar restore FILE [options]

Loads a backup made by "lancar backup" into an empty database (it applies the migrations first). Everything
is restored in one transaction: a damaged file changes nothing.

Options:
${DATABASE_OPTIONS}
`,
};
