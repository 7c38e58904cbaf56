# Reference values for descriptives, Shapiro-Wilk and the paired tests (priority 1).
# Run from packages/stats: Rscript golden/generate-paired.R
# Every entry stores the exact R call, evaluated with the entry's inputs bound to the names it uses.

source("golden/common.R")
suppressPackageStartupMessages(library(metafor))

# ---- Paired data sets (before, after); differences are after - before ----
set.seed(20240611)
score <- function(n, lo, hi) sample(lo:hi, n, replace = TRUE)
pre25 <- score(25, 5, 15)
post25 <- pmin(20, pre25 + sample(-2:5, 25, replace = TRUE))
pre25z <- score(25, 8, 16)
post25z <- pre25z + c(0, 0, 0, 2, 3, -1, 4, 2, 0, 5, 1, 3, -2, 2, 4, 0, 1, 6, 3, 2, 1, -1, 3, 2, 0)
pre30 <- round(rnorm(30, 62, 9), 3)
post30 <- round(pre30 + rnorm(30, 4, 6), 3)
pre60 <- round(rnorm(60, 50, 10), 4)
post60 <- round(pre60 + rnorm(60, 1.5, 5), 4)
pre60t <- score(60, 4, 14)
post60t <- pmin(20, pre60t + sample(-3:5, 60, replace = TRUE))
pre20s <- round(runif(20, 2, 6), 2)
post20s <- round(pre20s + c(rexp(17, 2), 6.5, 8.1, 9.4) - 0.3, 2)

paired_sets <- list(
  list(name = "sleep (R datasets), group 1 vs group 2", before = sleep$extra[sleep$group == 1], after = sleep$extra[sleep$group == 2]),
  list(name = "n = 2", before = c(10, 12), after = c(13, 17)),
  list(name = "n = 3", before = c(12, 15, 11), after = c(14, 19, 12)),
  list(name = "n = 4 with a negative difference", before = c(20, 18, 25, 22), after = c(23, 17, 30, 26)),
  list(name = "n = 5 decimal difference", before = c(8, 10, 7, 12, 9), after = c(11, 14, 7.5, 13, 15)),
  list(name = "n = 6 mixed signs", before = c(14, 16, 12, 18, 15, 13), after = c(17, 15, 16, 25, 13, 21)),
  list(name = "n = 7 decimals (floating-point near-ties)", before = c(1.2, 2.5, 3.1, 0.8, 1.9, 2.2, 2.7), after = c(1.9, 2.4, 3.9, 1.5, 2.8, 2.1, 3.6)),
  list(name = "n = 8 all negative differences", before = c(30, 28, 35, 31, 29, 33, 36, 27), after = c(25, 27, 29, 24, 26, 30, 28, 26)),
  list(name = "n = 10 knowledge scores with ties", before = c(9, 11, 8, 12, 10, 7, 13, 9, 10, 11), after = c(13, 14, 12, 15, 13, 11, 16, 12, 12, 15)),
  list(name = "n = 25 scores with ties", before = pre25, after = post25),
  list(name = "n = 25 with zero differences and ties", before = pre25z, after = post25z),
  list(name = "n = 30 continuous, no ties", before = pre30, after = post30),
  list(name = "n = 60 continuous (normal approximation by default)", before = pre60, after = post60),
  list(name = "n = 60 scores with ties and zeros", before = pre60t, after = post60t),
  list(name = "n = 20 skewed differences", before = pre20s, after = post20s),
  list(name = "all differences equal (+2)", before = c(10, 11, 12, 13, 14, 15, 16, 17), after = c(12, 13, 14, 15, 16, 17, 18, 19)),
  list(name = "all differences zero", before = c(5, 6, 7, 8), after = c(5, 6, 7, 8)),
  list(name = "large values around 1e6", before = 1e6 + c(0.5, 1.25, 3.75, 2, 4.5, 0.25, 6, 5.5), after = 1e6 + c(2.5, 1, 6.25, 5, 7.75, 1.5, 9, 5.25)),
  list(name = "large values around 1e9", before = c(1234567890.5, 1234567893.25, 1234567880, 1234567901.75, 1234567888.5, 1234567895), after = c(1234567894.25, 1234567899.5, 1234567881.5, 1234567911, 1234567889.25, 1234567903.5))
)

paired_call_sets <- list(
  t = c("t.test(after, before, paired = TRUE)", "t.test(after, before, paired = TRUE, conf.level = 0.9)"),
  wilcoxon = c(
    "wilcox.test(after, before, paired = TRUE)",
    "wilcox.test(after, before, paired = TRUE, exact = FALSE)",
    "wilcox.test(after, before, paired = TRUE, exact = TRUE)",
    "wilcox.test(after, before, paired = TRUE, correct = FALSE)",
    "wilcox.test(after, before, paired = TRUE, exact = FALSE, correct = FALSE)",
    "wilcox.test(after, before, paired = TRUE, conf.int = TRUE)",
    "wilcox.test(after, before, paired = TRUE, exact = FALSE, conf.int = TRUE)",
    "wilcox.test(after, before, paired = TRUE, conf.int = TRUE, conf.level = 0.9)"
  ),
  shapiro = "shapiro.test(after - before)",
  effect = "summary(escalc(measure = 'SMCC', m1i = mean(after), m2i = mean(before), sd1i = sd(after), sd2i = sd(before), ri = cor(after, before), ni = length(after)))"
)

wilcoxon_summary <- function(h) {
  out <- htest_summary(h)
  out$exact <- grepl("exact", h$method, fixed = TRUE)
  out
}
shapiro_summary <- function(h) list(statistic = unname(h$statistic), pValue = h$p.value)
effect_summary <- function(es) list(yi = es$yi[1], vi = es$vi[1], ciLower = es$ci.lb[1], ciUpper = es$ci.ub[1])

paired_cases <- list()
for (set in paired_sets) {
  env <- new.env()
  env$before <- set$before
  env$after <- set$after
  inputs <- list(name = set$name, before = arr(set$before), after = arr(set$after))
  entry <- inputs
  entry$t <- lapply(paired_call_sets$t, golden_entry, env = env, summarise = htest_summary, inputs = list())
  entry$wilcoxon <- lapply(paired_call_sets$wilcoxon, golden_entry, env = env, summarise = wilcoxon_summary, inputs = list())
  entry$shapiro <- golden_entry(paired_call_sets$shapiro, env, shapiro_summary, list())
  entry$effectSize <- golden_entry(paired_call_sets$effect, env, effect_summary, list())
  entry$dz <- golden_entry("mean(after - before) / sd(after - before)", env, function(v) v, list())
  paired_cases[[length(paired_cases) + 1]] <- entry
}
write_golden(paired_cases, "golden/paired.json", "Paired t-test, Wilcoxon signed-rank test, Shapiro-Wilk of the differences and the SMCC effect size (metafor) for each (before, after) set; differences are after - before.", "generate-paired.R")

# ---- Descriptives ----
describe_sets <- list(
  list(name = "sleep extra", x = sleep$extra),
  list(name = "n = 2", x = c(3, 8)),
  list(name = "n = 3", x = c(5, 1, 4)),
  list(name = "n = 5 with ties", x = c(2, 7, 7, 3, 10)),
  list(name = "n = 10 scores", x = c(13, 14, 12, 15, 13, 11, 16, 12, 12, 15)),
  list(name = "n = 25 scores", x = pre25),
  list(name = "n = 30 continuous", x = pre30),
  list(name = "negative and decimals", x = c(-1.5, 0.25, -3.75, 2.125, 0, -0.5, 1.75)),
  list(name = "large values", x = c(1234567890.5, 1234567893.25, 1234567880, 1234567901.75, 1234567888.5, 1234567895))
)
describe_call <- "list(n = length(x), mean = mean(x), sd = sd(x), median = median(x), q1 = quantile(x, 0.25, type = 7), q3 = quantile(x, 0.75, type = 7), iqr = IQR(x, type = 7), min = min(x), max = max(x), ciLower = t.test(x)$conf.int[1], ciUpper = t.test(x)$conf.int[2])"
describe_cases <- lapply(describe_sets, function(set) {
  env <- new.env()
  env$x <- set$x
  golden_entry(describe_call, env, function(v) lapply(v, unname), list(name = set$name, x = arr(set$x)))
})
write_golden(describe_cases, "golden/descriptives.json", "n, mean, sd, median, type-7 quartiles, IQR, range and the t-based 95% CI of the mean.", "generate-paired.R")

# ---- Shapiro-Wilk ----
set.seed(42)
shapiro_sets <- list(
  list(name = "n = 3", x = c(2.1, 3.4, 7.9)),
  list(name = "n = 3 equally spaced (W = 1)", x = c(1, 2, 3)),
  list(name = "n = 4", x = c(1, 2, 4, 9)),
  list(name = "n = 5", x = c(10.2, 11.5, 9.8, 12.1, 10.9)),
  list(name = "n = 6", x = c(3, 1, 4, 1, 5, 9)),
  list(name = "n = 7", x = c(2.5, 3.1, 2.8, 3.6, 2.2, 3.3, 9.5)),
  list(name = "n = 11", x = round(rnorm(11), 4)),
  list(name = "n = 12", x = round(rnorm(12), 4)),
  list(name = "n = 20 exponential", x = round(rexp(20), 4)),
  list(name = "n = 50 normal", x = round(rnorm(50, 100, 15), 3)),
  list(name = "n = 100 uniform", x = round(runif(100), 5)),
  list(name = "n = 200 integers with many ties", x = sample(0:10, 200, replace = TRUE)),
  list(name = "n = 5000 integers", x = ((1:5000) * 7919) %% 1009),
  list(name = "tiny range (rescaled as R does)", x = 1 + c(1, 3, 2, 7, 4, 5) * 1e-12),
  list(name = "sleep extra", x = sleep$extra),
  list(name = "n = 2 (error)", x = c(1, 2)),
  list(name = "identical values (error)", x = c(4, 4, 4, 4)),
  list(name = "n = 5001 (error)", x = as.numeric(1:5001))
)
shapiro_cases <- lapply(shapiro_sets, function(set) {
  env <- new.env()
  env$x <- set$x
  golden_entry("shapiro.test(x)", env, shapiro_summary, list(name = set$name, x = arr(set$x)))
})
write_golden(shapiro_cases, "golden/shapiro-wilk.json", "shapiro.test (Royston 1995, AS R94) W and p-value.", "generate-paired.R")
