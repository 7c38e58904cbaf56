# Reference values for contingency tables: chisq.test (with and without Yates), fisher.test (2x2 with the
# conditional MLE odds ratio and its interval; RxC p-value), and the risk ratio / odds ratio with Wald CIs as
# metafor's escalc("RR"/"OR") computes them (0.5 added to every cell of a table with a zero cell).
# Run from packages/stats: Rscript golden/generate-tables.R
# Tables are written row by row; each entry's `setup` builds the matrix `m` the call uses.

source("golden/common.R")
suppressPackageStartupMessages(library(metafor))

two_by_two <- list(
  list(name = "tea tasting (fisher.test example)", rows = list(c(3, 1), c(1, 3))),
  list(name = "convictions of twins (fisher.test example)", rows = list(c(2, 15), c(10, 3))),
  list(name = "moderate counts", rows = list(c(12, 5), c(4, 14))),
  list(name = "zero cell", rows = list(c(0, 10), c(6, 4))),
  list(name = "two zero cells on the diagonal", rows = list(c(1, 0), c(0, 1))),
  list(name = "small counts", rows = list(c(2, 8), c(7, 3))),
  list(name = "balanced, p = 1", rows = list(c(5, 5), c(5, 5))),
  list(name = "trial-sized counts", rows = list(c(15, 85), c(30, 70))),
  list(name = "large counts", rows = list(c(250, 750), c(200, 800))),
  list(name = "very large counts, tiny p", rows = list(c(1000, 2000), c(1500, 1600))),
  list(name = "exclusive breastfeeding at 6 weeks", rows = list(c(38, 12), c(27, 23))),
  list(name = "empty second row (zero margin)", rows = list(c(5, 5), c(0, 0)))
)

r_by_c <- list(
  list(name = "2 x 3 moderate", rows = list(c(10, 20, 30), c(15, 15, 10))),
  list(name = "3 x 3 moderate", rows = list(c(8, 3, 2), c(4, 9, 5), c(1, 4, 12))),
  list(name = "2 x 3 small", rows = list(c(3, 1, 0), c(1, 2, 4))),
  list(name = "3 x 2 small", rows = list(c(4, 0), c(2, 3), c(0, 5))),
  list(name = "3 x 3 small", rows = list(c(2, 0, 1), c(0, 3, 1), c(1, 0, 2))),
  list(name = "3 x 4 sparse", rows = list(c(1, 2, 0, 3), c(0, 1, 4, 1), c(2, 0, 1, 0))),
  list(name = "4 x 2 larger", rows = list(c(12, 3), c(9, 6), c(5, 10), c(2, 13))),
  list(name = "2 x 4 with a zero column", rows = list(c(3, 0, 4, 2), c(5, 0, 1, 6)))
)

matrix_setup <- function(rows) {
  sprintf("m <- matrix(c(%s), nrow = %d, byrow = TRUE)", paste(unlist(rows), collapse = ", "), length(rows))
}

chisq_summary <- function(h) list(statistic = unname(h$statistic), df = unname(h$parameter), pValue = h$p.value, method = h$method, expected = lapply(seq_len(nrow(h$expected)), function(i) arr(unname(h$expected[i, ]))))
fisher_summary <- function(h) {
  out <- list(pValue = h$p.value, method = h$method)
  if (!is.null(h$estimate)) {
    out$estimate <- unname(h$estimate)
    out$ciLower <- h$conf.int[1]
    out$ciUpper <- h$conf.int[2]
  }
  out
}
escalc_summary <- function(es) list(yi = es$yi[1], vi = es$vi[1], ciLower = es$ci.lb[1], ciUpper = es$ci.ub[1])

table_entry <- function(set, calls) {
  setup <- matrix_setup(set$rows)
  env <- new.env()
  eval(parse(text = setup), envir = env)
  entry <- list(name = set$name, table = lapply(set$rows, arr), setup = setup)
  for (key in names(calls)) {
    entry[[key]] <- lapply(calls[[key]]$calls, golden_entry, env = env, summarise = calls[[key]]$summarise, inputs = list())
  }
  entry
}

two_by_two_calls <- list(
  chisq = list(calls = c("chisq.test(m)", "chisq.test(m, correct = FALSE)"), summarise = chisq_summary),
  fisher = list(calls = c("fisher.test(m)", "fisher.test(m, conf.level = 0.9)"), summarise = fisher_summary),
  riskRatio = list(calls = "summary(escalc(measure = 'RR', ai = m[1, 1], bi = m[1, 2], ci = m[2, 1], di = m[2, 2]))", summarise = escalc_summary),
  oddsRatio = list(calls = "summary(escalc(measure = 'OR', ai = m[1, 1], bi = m[1, 2], ci = m[2, 1], di = m[2, 2]))", summarise = escalc_summary)
)
r_by_c_calls <- list(
  chisq = list(calls = "chisq.test(m)", summarise = chisq_summary),
  fisher = list(calls = "fisher.test(m)", summarise = fisher_summary)
)

cases <- c(
  lapply(two_by_two, table_entry, calls = two_by_two_calls),
  lapply(r_by_c, table_entry, calls = r_by_c_calls)
)
write_golden(cases, "golden/tables.json", "Contingency tables (rows = groups, columns = outcome, first column = event): chisq.test, fisher.test, and for 2x2 tables metafor's log risk ratio and log odds ratio with their Wald intervals (log scale).", "generate-tables.R")
