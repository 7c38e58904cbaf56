# Regenerates every golden file from R. Run from packages/stats: Rscript golden/generate.R
# Needs R (tested with 4.2.2) and the metafor package (tested with 3.8-1). The tests only read the JSON.
for (script in c("generate-distributions.R", "generate-paired.R", "generate-groups.R", "generate-tables.R", "generate-meta.R")) {
  cat("==", script, "\n")
  source(file.path("golden", script), local = new.env())
}
