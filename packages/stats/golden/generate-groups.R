# Reference values for two independent groups: Welch and Student t-tests, Mann-Whitney (wilcox.test),
# Shapiro-Wilk per group and the standardised mean difference (metafor escalc "SMD").
# Run from packages/stats: Rscript golden/generate-groups.R
# Every entry stores the exact R call, evaluated with x = first group and y = second group.

source("golden/common.R")
suppressPackageStartupMessages(library(metafor))

set.seed(7301)
score <- function(n, lo, hi) sample(lo:hi, n, replace = TRUE)

group_sets <- list(
  list(name = "sleep (R datasets) as two independent groups", x = sleep$extra[sleep$group == 1], y = sleep$extra[sleep$group == 2]),
  list(name = "n = 3 and 4", x = c(12, 15, 11), y = c(14, 19, 12, 17)),
  list(name = "n = 5 and 5 no overlap", x = c(21.5, 23, 22.1, 24.8, 25.3), y = c(18.2, 17.5, 19.9, 16.4, 20.1)),
  list(name = "n = 1 and 4", x = c(7), y = c(3, 5, 4, 6)),
  list(name = "n = 12 and 15 continuous, no ties", x = round(rnorm(12, 70, 8), 2), y = round(rnorm(15, 64, 8), 2)),
  list(name = "n = 20 and 8, unequal variances", x = round(rnorm(20, 10, 1), 3), y = round(rnorm(8, 12, 5), 3)),
  list(name = "n = 25 and 30 knowledge scores with ties", x = score(25, 8, 18), y = score(30, 6, 16)),
  list(name = "n = 60 and 55 continuous (normal approximation)", x = round(rnorm(60, 100, 15), 2), y = round(rnorm(55, 94, 15), 2)),
  list(name = "n = 49 and 49 continuous (largest exact by default)", x = round(rnorm(49, 5, 2), 4), y = round(rnorm(49, 5.8, 2), 4)),
  list(name = "skewed groups", x = round(rexp(18, 0.5), 2), y = round(rexp(22, 0.25), 2)),
  list(name = "one group constant", x = c(5, 5, 5, 5), y = c(4, 6, 7, 3, 5)),
  list(name = "both groups constant", x = c(2, 2, 2), y = c(3, 3, 3)),
  list(name = "large values around 1e9", x = c(1234567890.5, 1234567893.25, 1234567880, 1234567901.75, 1234567888.5, 1234567895), y = c(1234567894.25, 1234567899.5, 1234567881.5, 1234567911, 1234567889.25, 1234567903.5, 1234567907))
)

group_calls <- list(
  t = c(
    "t.test(x, y)",
    "t.test(x, y, var.equal = TRUE)",
    "t.test(x, y, conf.level = 0.9)",
    "t.test(x, y, var.equal = TRUE, conf.level = 0.99)"
  ),
  mannWhitney = c(
    "wilcox.test(x, y)",
    "wilcox.test(x, y, exact = FALSE)",
    "wilcox.test(x, y, exact = TRUE)",
    "wilcox.test(x, y, correct = FALSE)",
    "wilcox.test(x, y, exact = FALSE, correct = FALSE)",
    "wilcox.test(x, y, conf.int = TRUE)",
    "wilcox.test(x, y, exact = FALSE, conf.int = TRUE)",
    "wilcox.test(x, y, conf.int = TRUE, conf.level = 0.9)"
  ),
  shapiroX = "shapiro.test(x)",
  shapiroY = "shapiro.test(y)",
  smd = "summary(escalc(measure = 'SMD', m1i = mean(x), sd1i = sd(x), n1i = length(x), m2i = mean(y), sd2i = sd(y), n2i = length(y)))",
  cohenD = "(mean(x) - mean(y)) / sqrt(((length(x) - 1) * var(x) + (length(y) - 1) * var(y)) / (length(x) + length(y) - 2))"
)

mw_summary <- function(h) {
  out <- htest_summary(h)
  out$exact <- grepl("exact", h$method, fixed = TRUE)
  out
}
shapiro_summary <- function(h) list(statistic = unname(h$statistic), pValue = h$p.value)
t_summary <- function(h) {
  out <- htest_summary(h)
  out$estimate <- unname(h$estimate[1] - h$estimate[2])
  out$meanX <- unname(h$estimate[1])
  out$meanY <- unname(h$estimate[2])
  out
}
smd_summary <- function(es) list(yi = es$yi[1], vi = es$vi[1], ciLower = es$ci.lb[1], ciUpper = es$ci.ub[1])

group_cases <- lapply(group_sets, function(set) {
  env <- new.env()
  env$x <- set$x
  env$y <- set$y
  entry <- list(name = set$name, x = arr(set$x), y = arr(set$y))
  entry$t <- lapply(group_calls$t, golden_entry, env = env, summarise = t_summary, inputs = list())
  entry$mannWhitney <- lapply(group_calls$mannWhitney, golden_entry, env = env, summarise = mw_summary, inputs = list())
  entry$shapiroX <- golden_entry(group_calls$shapiroX, env, shapiro_summary, list())
  entry$shapiroY <- golden_entry(group_calls$shapiroY, env, shapiro_summary, list())
  entry$smd <- golden_entry(group_calls$smd, env, smd_summary, list())
  entry$cohenD <- golden_entry(group_calls$cohenD, env, function(v) v, list())
  entry
})
write_golden(group_cases, "golden/groups.json", "Two independent groups x (first) and y (second): t.test (Welch and Student; estimate = mean(x) - mean(y)), wilcox.test (Mann-Whitney W), shapiro.test per group, Cohen's d and metafor's SMD (Hedges' g, large-sample variance).", "generate-groups.R")
