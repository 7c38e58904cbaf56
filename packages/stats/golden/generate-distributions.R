# Reference values for the distribution functions the tests rely on, including far tails.
# Run from packages/stats: Rscript golden/generate-distributions.R

source("golden/common.R")

calls <- c(
  "pchisq(0.001, 5, lower.tail = FALSE)", "pchisq(3, 40, lower.tail = FALSE)", "pchisq(12.5, 4, lower.tail = FALSE)",
  "pchisq(200, 10, lower.tail = FALSE)", "pchisq(900, 60, lower.tail = FALSE)", "pchisq(152.23, 12, lower.tail = FALSE)",
  "pchisq(0.5, 1, lower.tail = FALSE)", "pchisq(150, 1, lower.tail = FALSE)", "pchisq(7.3, 2.5, lower.tail = FALSE)",
  "2 * pt(-abs(4.06), 9)", "2 * pt(-abs(15), 3)", "2 * pt(-abs(0.2), 120.7)", "2 * pt(-abs(40), 25)",
  "qt(0.975, 1)", "qt(0.975, 9)", "qt(0.995, 17.3)", "qt(0.95, 1000)",
  "qnorm(0.025)", "qnorm(1e-10)", "pnorm(-9)", "pnorm(1.5)",
  "psignrank(10, 12)", "psignrank(60, 20, lower.tail = FALSE)", "qsignrank(0.025, 30)",
  "pwilcox(20, 8, 11)", "pwilcox(300, 30, 25, lower.tail = FALSE)", "qwilcox(0.025, 12, 15)",
  "signif(0.125, 2)", "signif(0.0375, 2)", "signif(0.995, 2)"
)
cases <- lapply(calls, function(call) golden_entry(call, new.env(), function(v) v, list()))
write_golden(cases, "golden/distributions.json", "Distribution functions and small R helpers at ordinary and far-tail arguments.", "generate-distributions.R")
