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
  stats ANALYSIS    A statistical test on the columns of a CSV file (paired, groups, table, normality)
  meta              A meta-analysis of the studies in a CSV file, with a forest plot

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
  stats: `Usage: lancar stats ANALYSIS --file FILE.csv ... [--json] [--lang id|en]

Runs a statistical test on columns of a CSV file with a header row. The numbers are R's (t.test, wilcox.test,
chisq.test, fisher.test, shapiro.test). Without --json it prints a readable table (Indonesian, or --lang en);
with --json one JSON object: test, statistic, pValue and, where defined, df, n, estimate, ciLower, ciUpper,
exact, effectSize, reason. Rank tests give their Hodges-Lehmann estimate and interval with --conf-int (R's
conf.int = TRUE; off by default, as in R).

Analyses:
  paired     --before COL --after COL --test t|wilcoxon|auto          Pre-post on the same people
  groups     --group COL --value COL --test welch|student|mann-whitney|auto
                                                                      Two groups (first minus second, in the
                                                                      order they first appear in the file)
  table      --row COL --col COL --test chisq|fisher|auto             Two categorical columns
  normality  --value COL                                              Shapiro-Wilk

"auto" picks what a careful analyst would (Shapiro-Wilk for normality; Fisher when an expected count is
under 5) and says why. A missing column or a cell that is not a number stops with its line and column
(exit status 2). Example:

  npx lancar stats paired --file volume.csv --before ml_day1 --after ml_day7 --test auto
`,
  'stats paired': `Usage: lancar stats paired --file FILE.csv --before COL --after COL --test t|wilcoxon|auto [--conf-int] [--json] [--lang id|en]

Paired t-test or Wilcoxon signed-rank test of after - before (V is the sum of the ranks of the positive
differences; exact p when n < 50 without ties or zeros). The effect size is the standardised mean change
(Hedges-corrected dz, metafor's SMCC) with Cohen's dz beside it.
`,
  'stats groups': `Usage: lancar stats groups --file FILE.csv --group COL --value COL --test welch|student|mann-whitney|auto [--conf-int] [--json] [--lang id|en]

Two independent groups: the group column must hold exactly two values. The difference is the first group
minus the second, in the order they first appear in the file. The effect size is Hedges' g (Cohen's d
beside it).
`,
  'stats table': `Usage: lancar stats table --file FILE.csv --row COL --col COL --test chisq|fisher|auto [--json] [--lang id|en]

Counts the rows of each pair of values and tests the table: chi-square (Yates' correction for 2x2) or
Fisher's exact test. For a 2x2 table the effect size is the odds ratio.
`,
  'stats normality': `Usage: lancar stats normality --file FILE.csv --value COL [--json] [--lang id|en]

Shapiro-Wilk normality test (3 to 5,000 values).
`,
  meta: `Usage: lancar meta --file FILE.csv --measure MD|SMD|RR|OR|GEN [--method FE|DL|REML] [--json] [--forest OUT.svg] [--lang id|en]

Meta-analysis as metafor computes it (escalc, then rma): fixed effect (FE), DerSimonian-Laird (DL) or REML
(the default) random effects. Columns follow escalc: "study" (optional label) and
  MD, SMD   m1i, sd1i, n1i, m2i, sd2i, n2i   (group 1 minus group 2; SMD is Hedges' g)
  RR, OR    ai, bi, ci, di                    (events and non-events in group 1, then group 2)
  GEN       yi, vi                            (an effect size and its variance)
--json prints estimate, se, ciLower, ciUpper, pValue, tau2, I2, H2, Q, pQ, k, piLower, piUpper on the
analysis scale (log for RR and OR, with expEstimate, expCiLower, expCiUpper). --forest writes a forest plot
as SVG. A missing column, a cell that is not a number, zero variance, n < 2 or a single study stops with the
line and column (exit status 2).
`,
};
